package dev.w2v.core.fast;

/**
 * Hears how a fast training run goes. Called from the thread that runs {@link FastTrainer#train}
 * (before and after training) and from its monitor thread (progress), never from a training thread.
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
