package dev.w2v.core.testing;

import dev.w2v.api.Sampler;
import dev.w2v.api.WordCounts;
import java.util.random.RandomGenerator;

/**
 * Walker's alias method over count^power, for core's tests and speed measurements: O(1) per draw
 * from one 64-bit random number, and one table entry (8 bytes, one cache miss at most) per draw,
 * unlike word2vec C's 10^8-entry unigram table.
 */
public final class AliasSampler implements Sampler {

  /** Per word: the alias index in the high 32 bits, the threshold's float bits in the low ones. */
  private final long[] table;

  private final double[] probability;

  public AliasSampler(WordCounts counts, double power) {
    int n = counts.size();
    probability = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      probability[i] = Math.pow(counts.count(i), power);
      sum += probability[i];
    }
    float[] threshold = new float[n];
    int[] alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      probability[i] /= sum;
      scaled[i] = probability[i] * n;
      if (scaled[i] < 1) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      threshold[s] = (float) scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      int l = large[--nl];
      threshold[l] = 1f;
      alias[l] = l;
    }
    while (ns > 0) {
      int s = small[--ns];
      threshold[s] = 1f;
      alias[s] = s;
    }
    table = new long[n];
    for (int i = 0; i < n; i++) {
      table[i] = ((long) alias[i] << 32) | (Float.floatToRawIntBits(threshold[i]) & 0xFFFFFFFFL);
    }
  }

  @Override
  public int size() {
    return table.length;
  }

  @Override
  public int sample(RandomGenerator random) {
    long r = random.nextLong();
    int i = (int) (((r >>> 32) * table.length) >>> 32);
    float u = (r & 0xFFFFFF) * 0x1.0p-24f;
    long entry = table[i]; // one cache line holds both halves of the entry
    return u < Float.intBitsToFloat((int) entry) ? i : (int) (entry >>> 32);
  }

  @Override
  public double probability(int word) {
    return probability[word];
  }
}
