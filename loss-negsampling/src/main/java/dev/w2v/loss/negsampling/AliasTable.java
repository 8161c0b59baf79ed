package dev.w2v.loss.negsampling;

import java.util.random.RandomGenerator;

/**
 * Walker's alias method in Vose's stable form: exact sampling from a discrete distribution in O(1)
 * per draw with two arrays of the vocabulary's size. Unlike word2vec C's 10^8-entry table it stays
 * in cache and represents small probabilities exactly rather than rounding them to table slots.
 *
 * <p>Each column's keep threshold and alias share one {@code long}, so a draw touches one cache
 * line of the table, not two. The threshold is the keep probability in units of 2^-32: a draw's
 * probability is exact to within 2^-32 per column.
 */
final class AliasTable {

  private static final double TWO_TO_32 = 4294967296.0;

  private final long[] cells;
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
    double[] keep = new double[n];
    int[] alias = new int[n];
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
    cells = new long[n];
    for (int i = 0; i < n; i++) {
      long threshold = Math.min((long) TWO_TO_32, Math.round(keep[i] * TWO_TO_32));
      cells[i] = threshold << 31 | alias[i];
    }
  }

  int size() {
    return cells.length;
  }

  int sample(RandomGenerator random) {
    // One 64-bit draw serves both: the high half picks the column by Lemire's multiply-shift
    // (with his rejection step, so every column is exactly equally likely), the low half decides
    // between the column and its alias.
    long n = cells.length;
    long bits = random.nextLong();
    long product = (bits >>> 32) * n;
    if ((product & 0xFFFF_FFFFL) < n) {
      long threshold = (1L << 32) % n;
      while ((product & 0xFFFF_FFFFL) < threshold) {
        bits = random.nextLong();
        product = (bits >>> 32) * n;
      }
    }
    int column = (int) (product >>> 32);
    long cell = cells[column];
    long u = bits & 0xFFFF_FFFFL;
    return u < (cell >>> 31) ? column : (int) (cell & 0x7FFF_FFFF);
  }

  double probability(int word) {
    return probability[word];
  }
}
