package dev.w2v.loss.negsampling;

import java.util.random.RandomGenerator;

/**
 * Walker's alias method in Vose's stable form: exact sampling from a discrete distribution in
 * O(1) per draw with two arrays of the vocabulary's size. Unlike word2vec C's 10^8-entry table it
 * stays in cache and represents small probabilities exactly rather than rounding them to table
 * slots.
 */
final class AliasTable {

  private final double[] keep;
  private final int[] alias;
  private final double[] probability;

  /**
   * @param weights non-negative, finite, not all zero
   */
  AliasTable(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("cannot sample from an empty vocabulary");
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("weight of word " + i + " is " + weights[i]);
      }
      sum += weights[i];
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("every word has weight zero: nothing to sample");
    }
    probability = new double[n];
    keep = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      probability[i] = weights[i] / sum;
      scaled[i] = probability[i] * n;
      if (scaled[i] < 1.0) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int less = small[--smallCount];
      int more = large[--largeCount];
      keep[less] = scaled[less];
      alias[less] = more;
      scaled[more] = (scaled[more] + scaled[less]) - 1.0;
      if (scaled[more] < 1.0) {
        small[smallCount++] = more;
      } else {
        large[largeCount++] = more;
      }
    }
    // What is left is 1 up to rounding: such a column always keeps its own word.
    while (largeCount > 0) {
      int i = large[--largeCount];
      keep[i] = 1.0;
      alias[i] = i;
    }
    while (smallCount > 0) {
      int i = small[--smallCount];
      keep[i] = 1.0;
      alias[i] = i;
    }
  }

  int size() {
    return keep.length;
  }

  int sample(RandomGenerator random) {
    int column = random.nextInt(keep.length);
    return random.nextDouble() < keep[column] ? column : alias[column];
  }

  double probability(int word) {
    return probability[word];
  }
}
