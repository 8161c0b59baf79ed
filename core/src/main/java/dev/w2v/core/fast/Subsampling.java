package dev.w2v.core.fast;

import dev.w2v.api.WordCounts;
import java.util.random.RandomGenerator;

/** word2vec C's sub-sampling of frequent words. */
public final class Subsampling {

  private Subsampling() {}

  /**
   * The probability of keeping one occurrence of a word seen {@code count} times among {@code
   * total} training words, with threshold {@code sample}: {@code (sqrt(c/(sN)) + 1) * sN/c}, capped
   * at 1; 1 when {@code sample} is 0.
   */
  public static double keepProbability(long count, long total, double sample) {
    if (sample <= 0 || count <= 0) {
      return 1.0;
    }
    double threshold = sample * total;
    double p = (Math.sqrt(count / threshold) + 1) * threshold / count;
    return Math.min(1.0, p);
  }

  /** {@link #keepProbability} of every word, as floats for the hot loop. */
  public static float[] keepProbabilities(WordCounts counts, double sample) {
    float[] keep = new float[counts.size()];
    for (int w = 0; w < keep.length; w++) {
      keep[w] = (float) keepProbability(counts.count(w), counts.total(), sample);
    }
    return keep;
  }

  /** Whether to keep an occurrence of a word whose keep probability is {@code p}. */
  public static boolean keep(float p, RandomGenerator random) {
    return p >= 1f || random.nextFloat() < p;
  }
}
