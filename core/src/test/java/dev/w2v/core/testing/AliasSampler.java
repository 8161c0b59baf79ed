package dev.w2v.core.testing;

import dev.w2v.api.Sampler;
import dev.w2v.api.WordCounts;
import java.util.random.RandomGenerator;

/**
 * Walker's alias method over count^power, for core's tests and speed measurements: O(1) per draw
 * from one 64-bit random number, and a table small enough to stay in cache (8 bytes per word),
 * unlike word2vec C's 10^8-entry unigram table.
 */
public final class AliasSampler implements Sampler {

  private final float[] threshold;
  private final int[] alias;
  private final double[] probability;

  public AliasSampler(WordCounts counts, double power) {
    int n = counts.size();
    probability = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      probability[i] = Math.pow(counts.count(i), power);
      sum += probability[i];
    }
    threshold = new float[n];
    alias = new int[n];
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
  }

  @Override
  public int size() {
    return threshold.length;
  }

  @Override
  public int sample(RandomGenerator random) {
    long r = random.nextLong();
    int i = (int) (((r >>> 32) * threshold.length) >>> 32);
    float u = (r & 0xFFFFFF) * 0x1.0p-24f;
    return u < threshold[i] ? i : alias[i];
  }

  @Override
  public double probability(int word) {
    return probability[word];
  }
}
