package dev.w2v.api;

import java.util.random.RandomGenerator;

/**
 * Draws word indices, for example the negatives of negative sampling. Immutable and shared by all
 * training threads; each draw is O(1) and allocates nothing.
 */
public interface Sampler {

  /** The number of words it draws from; draws fall in {@code [0, size())}. */
  int size();

  /** Draws one word index using only {@code random}. */
  int sample(RandomGenerator random);

  /**
   * The probability that {@link #sample} returns {@code word}: the declared distribution, which the
   * plugin test kit checks the draws against.
   */
  double probability(int word);
}
