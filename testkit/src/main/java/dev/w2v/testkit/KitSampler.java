package dev.w2v.testkit;

import dev.w2v.api.Sampler;
import java.util.random.RandomGenerator;

/**
 * The kit's default sampler: P(w) proportional to count^0.75 by binary search over the cumulative
 * distribution. Simple rather than fast; it only has to be exact and allocation-free.
 */
final class KitSampler implements Sampler {

  private final double[] cumulative;
  private final double[] probability;

  KitSampler(long[] counts) {
    cumulative = new double[counts.length];
    probability = new double[counts.length];
    double sum = 0;
    for (long c : counts) {
      sum += Math.pow(c, 0.75);
    }
    double running = 0;
    for (int i = 0; i < counts.length; i++) {
      probability[i] = Math.pow(counts[i], 0.75) / sum;
      running += probability[i];
      cumulative[i] = running;
    }
  }

  @Override
  public int size() {
    return cumulative.length;
  }

  @Override
  public int sample(RandomGenerator random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > u) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  @Override
  public double probability(int word) {
    return probability[word];
  }
}
