package dev.w2v.core.fast;

/**
 * Hears how a fast training run goes. Every method is called on the thread that called {@link
 * FastTrainer#train}, which monitors the training threads while they run; never on a training
 * thread, so a slow listener delays the reports but not the training.
 */
public interface FastListener {

  /** Ignores everything. */
  FastListener NONE = progress -> {};

  /** The counting pass is done. */
  default void vocabularyCounted(Vocabulary vocabulary) {}

  /** The corpus is encoded as word indices (in a memory-mapped file if {@code corpus.mapped()}). */
  default void corpusEncoded(EncodedCorpus corpus) {}

  /** A few times per second while training. */
  void progress(FastProgress progress);

  /** Training is done; {@code last} has fraction 1. */
  default void finished(FastProgress last) {}
}
