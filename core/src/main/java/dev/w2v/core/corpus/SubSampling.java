package dev.w2v.core.corpus;

import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import java.io.Serializable;
import java.util.random.RandomGenerator;

/**
 * Sub-sampling of frequent words: each occurrence of word w is kept with a probability that falls
 * as w's count grows. Two formulas are in use and both are named here; either way a word's keep
 * probability is computed once, and a draw is one float comparison. Immutable; serializable, so
 * that a distributed trainer computes it once and broadcasts it.
 */
public final class SubSampling implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The formula a probability comes from. */
  public enum Formula {
    /**
     * CS224n's {@code getRejectProb}: an occurrence is dropped with probability {@code max(0, 1 -
     * sqrt(t N / count))}.
     */
    CS224N,
    /**
     * word2vec C's: kept with probability {@code (sqrt(count / (s N)) + 1) s N / count}, capped at
     * 1.
     */
    WORD2VEC
  }

  private final Formula formula;
  private final double threshold;
  private final float[] keep;

  private SubSampling(Formula formula, double threshold, float[] keep) {
    this.formula = formula;
    this.threshold = threshold;
    this.keep = keep;
  }

  /** CS224n's sub-sampling with threshold {@code t}; 0 keeps every word. */
  public static SubSampling cs224n(WordCounts counts, double t) {
    return of(Formula.CS224N, counts, t);
  }

  /** word2vec C's sub-sampling with threshold {@code s} ({@code -sample}); 0 keeps every word. */
  public static SubSampling word2vec(WordCounts counts, double s) {
    return of(Formula.WORD2VEC, counts, s);
  }

  /**
   * {@code formula} over {@code counts} with the given threshold.
   *
   * @throws W2vException if the threshold is negative or not finite
   */
  public static SubSampling of(Formula formula, WordCounts counts, double threshold) {
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw new W2vException("sample must be a number of 0 or more, was " + threshold);
    }
    float[] keep = new float[counts.size()];
    for (int w = 0; w < keep.length; w++) {
      keep[w] = (float) keepProbability(formula, counts.count(w), counts.total(), threshold);
    }
    return new SubSampling(formula, threshold, keep);
  }

  /**
   * The probability of keeping one occurrence of a word seen {@code count} times of {@code total}.
   */
  public static double keepProbability(Formula formula, long count, long total, double threshold) {
    if (threshold <= 0 || count <= 0) {
      return 1.0;
    }
    double scaled = threshold * total;
    double p =
        formula == Formula.CS224N
            ? Math.sqrt(scaled / count)
            : (Math.sqrt(count / scaled) + 1) * scaled / count;
    return Math.min(1.0, p);
  }

  /** Whether to keep one occurrence of {@code word}; draws only when the word may be dropped. */
  public boolean keep(int word, RandomGenerator random) {
    float p = keep[word];
    return p >= 1f || random.nextFloat() < p;
  }

  /** The keep probability of {@code word}. */
  public float keepProbability(int word) {
    return keep[word];
  }

  /** The formula in use. */
  public Formula formula() {
    return formula;
  }

  /** The threshold (t or s). */
  public double threshold() {
    return threshold;
  }

  /** The number of words covered. */
  public int size() {
    return keep.length;
  }
}
