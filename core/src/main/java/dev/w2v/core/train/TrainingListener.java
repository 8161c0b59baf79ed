package dev.w2v.core.train;

import java.nio.file.Path;

/**
 * What a trainer tells about its run; the runner renders it (progress bar, log lines, metrics
 * file). Called on the training thread: keep it quick. Throwing from a callback stops the run
 * without writing a checkpoint, like a crash would.
 */
public interface TrainingListener {

  /**
   * The run starts at {@code firstIteration} (above 1 on resume) and ends after {@code
   * lastIteration}.
   */
  default void started(long firstIteration, long lastIteration) {}

  /** The smoothed loss and the learning rate after {@code iteration}. */
  default void progress(long iteration, double smoothedLoss, double learningRate) {}

  /** A checkpoint of {@code iteration} was written to {@code file}. */
  default void checkpointed(long iteration, Path file) {}

  /** Something the user should know that does not stop the run. */
  default void warning(String message) {}

  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};
}
