package dev.w2v.core.train;

import dev.w2v.core.corpus.PreparedCorpus;
import dev.w2v.core.corpus.Vocabulary;
import java.nio.file.Path;

/**
 * What a trainer tells about its run; a program renders it (progress bar, log lines, metrics file).
 * Every call comes from the thread that called {@link Trainer#train}, never from a training thread,
 * so a slow listener delays the reports but not the training. Throwing from a callback stops the
 * run like a crash would.
 */
public interface TrainingListener {

  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /** The corpus was read and its vocabulary built. */
  default void corpusPrepared(Vocabulary vocabulary, PreparedCorpus.CorpusStatistics statistics) {}

  /** Training starts; {@code plan} says how far it goes and how to label what follows. */
  default void started(TrainingPlan plan) {}

  /** A few times per second while training. */
  default void progress(Progress progress) {}

  /** One row of metrics, at a position fixed by the settings. */
  default void metric(Metric metric) {}

  /**
   * A checkpoint of {@code position} is about to be written: everything recorded up to it must now
   * be made durable (the metrics file flushed), so that a resume finds the two in step.
   */
  default void beforeCheckpoint(long position) {}

  /** A checkpoint of {@code position} was written to {@code file}. */
  default void checkpointed(long position, Path file) {}

  /** Something the user should know that does not stop the run. */
  default void warning(String message) {}

  /** Training is done; {@code last} has fraction 1. */
  default void finished(Progress last) {}
}
