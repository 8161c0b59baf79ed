package dev.w2v.core.train.fast;

/**
 * One thread's training on one sub-sampled sentence: every center word with its shrunk window. A
 * worker pauses only between sentences, so a step never holds state across calls besides its
 * counters. Two forms: {@link PairSentenceStep} (every pair through {@link WordStep}) and {@link
 * BatchedStep} (each window as one {@link dev.w2v.api.BatchedLoss} call).
 */
public interface SentenceStep {

  /**
   * Trains on {@code sentence[0, length)} with windows up to {@code window}, at rate {@code lr}.
   */
  void trainSentence(int[] sentence, int length, int window, float lr);

  /** (input, target) pairs evaluated so far. */
  long pairs();

  /** The sum of the losses of those pairs. */
  double lossSum();

  /** Continues the counters of a run resumed from a checkpoint. */
  void restoreCounters(long pairs, double lossSum);
}
