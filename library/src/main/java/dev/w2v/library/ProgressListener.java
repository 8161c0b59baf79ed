package dev.w2v.library;

/**
 * Hears about a training run: its progress a few times per second, and warnings that do not stop
 * it. Every call comes from the thread that trains (the one that called {@link Word2Vec#train}, or
 * the thread of {@link Word2Vec#start}), never from a worker thread, so a listener needs no locking
 * of its own; a slow listener delays the reports, not the training. An exception thrown by the
 * listener stops the run and is thrown by {@code train}.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = progress -> {};

  /** Where the run is; the last call has {@link TrainingProgress#fraction()} 1. */
  void progress(TrainingProgress progress);

  /**
   * Something worth knowing that does not stop the run, such as output weights that a continued run
   * cannot reuse. Ignored by default.
   */
  default void warning(String message) {}
}
