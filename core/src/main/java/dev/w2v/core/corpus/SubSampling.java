package dev.w2v.core.corpus;

/**
 * CS224n's sub-sampling of frequent words: a token of word w is dropped with probability {@code
 * max(0, 1 - sqrt(t * N / count(w)))}, N the corpus's total count.
 */
public final class SubSampling {

  private SubSampling() {}

  /** The rejection probability of every word, indexed by word. */
  public static double[] rejectProbabilities(Vocabulary vocabulary, double threshold) {
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("sample threshold must be >= 0, was " + threshold);
    }
    double scaled = threshold * vocabulary.totalCount();
    double[] reject = new double[vocabulary.size()];
    for (int w = 0; w < reject.length; w++) {
      long count = vocabulary.count(w);
      reject[w] = count == 0 ? 0 : Math.max(0, 1 - Math.sqrt(scaled / count));
    }
    return reject;
  }
}
