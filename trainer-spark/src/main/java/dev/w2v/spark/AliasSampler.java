package dev.w2v.spark;

import dev.w2v.api.Sampler;
import java.io.Serializable;
import java.util.random.RandomGenerator;

/**
 * The distribution a sampler plugin declares, tabulated once on the driver as Walker's alias table
 * and broadcast: 8 bytes a word, one 64-bit draw per sample. Plugins need not be serializable, and
 * no task rebuilds the plugin's own tables; every task draws from the same distribution the plugin
 * declares through {@link Sampler#probability}, which the plugin test kit holds it to.
 */
final class AliasSampler implements Sampler, Serializable {

  private static final long serialVersionUID = 1L;

  private final float[] keep;
  private final int[] alias;
  private final double[] probability;

  private AliasSampler(float[] keep, int[] alias, double[] probability) {
    this.keep = keep;
    this.alias = alias;
    this.probability = probability;
  }

  /**
   * The table of {@code sampler}'s declared probabilities (normalised, in case they do not sum to
   * exactly 1).
   *
   * @throws IllegalArgumentException if a probability is negative or not finite, or all are zero
   */
  static AliasSampler of(Sampler sampler) {
    int n = sampler.size();
    double[] p = new double[n];
    double sum = 0;
    for (int w = 0; w < n; w++) {
      p[w] = sampler.probability(w);
      if (!(p[w] >= 0) || Double.isInfinite(p[w])) {
        throw new IllegalArgumentException(
            "the sampler's probability of word " + w + " is " + p[w]);
      }
      sum += p[w];
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("the sampler gives every word probability 0");
    }
    double[] scaled = new double[n];
    for (int w = 0; w < n; w++) {
      p[w] /= sum;
      scaled[w] = p[w] * n;
    }
    // Vose's method: pair each under-full column with an over-full one.
    int[] small = new int[n];
    int[] large = new int[n];
    int s = 0;
    int l = 0;
    for (int w = n - 1; w >= 0; w--) {
      if (scaled[w] < 1) {
        small[s++] = w;
      } else {
        large[l++] = w;
      }
    }
    float[] keep = new float[n];
    int[] alias = new int[n];
    while (s > 0 && l > 0) {
      int less = small[--s];
      int more = large[--l];
      keep[less] = (float) scaled[less];
      alias[less] = more;
      scaled[more] = scaled[more] + scaled[less] - 1;
      if (scaled[more] < 1) {
        small[s++] = more;
      } else {
        large[l++] = more;
      }
    }
    while (l > 0) {
      int w = large[--l];
      keep[w] = 1f;
      alias[w] = w;
    }
    while (s > 0) {
      int w = small[--s];
      keep[w] = 1f;
      alias[w] = w;
    }
    return new AliasSampler(keep, alias, p);
  }

  @Override
  public int size() {
    return keep.length;
  }

  @Override
  public int sample(RandomGenerator random) {
    long bits = random.nextLong();
    // The high 32 bits pick a column (multiply-shift, no modulo bias worth naming at 2^32), the
    // low 24 the coin.
    int column = (int) (((bits >>> 32) * keep.length) >>> 32);
    float coin = (bits & 0xFFFFFF) * 0x1.0p-24f;
    return coin < keep[column] ? column : alias[column];
  }

  @Override
  public double probability(int word) {
    return probability[word];
  }
}
