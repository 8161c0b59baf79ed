package dev.w2v.core.corpus;

import java.util.random.RandomGenerator;

/**
 * CS224n's {@code getRandomContext}: the corpus taken {@code copies} times, each copy sub-sampled
 * independently, sentences left with fewer than 2 words dropped. A context is a random sentence and
 * position, and the words within a window of it other than the center word itself.
 *
 * <p>All copies live in one flat {@code int[]} with sentence offsets: memory proportional to the
 * corpus times the copies, as ints, never strings.
 */
public final class ContextSampler {

  private final int[] tokens;
  private final int[] sentenceStarts;

  /**
   * @param corpus the sentences
   * @param reject each word's rejection probability ({@link SubSampling})
   * @param copies how many sub-sampled copies of the corpus (30 in CS224n)
   * @param random draws the sub-sampling; the same state gives the same copies
   */
  public ContextSampler(Corpus corpus, double[] reject, int copies, RandomGenerator random) {
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be at least 1");
    }
    long capacity = corpus.tokens() * copies;
    if (capacity > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "the corpus is too large for the cs224n trainer ("
              + corpus.tokens()
              + " tokens x "
              + copies
              + " copies); use the fast trainer");
    }
    int[] kept = new int[(int) capacity];
    int[] starts = new int[corpus.sentences().size() * copies + 1];
    int size = 0;
    int count = 0;
    for (int copy = 0; copy < copies; copy++) {
      for (int[] sentence : corpus.sentences()) {
        int start = size;
        for (int word : sentence) {
          double p = reject[word];
          if (p <= 0 || random.nextDouble() >= p) {
            kept[size++] = word;
          }
        }
        if (size - start < 2) {
          size = start; // CS224n drops sentences left with fewer than 2 words
        } else {
          starts[count++] = start;
        }
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException(
          "no sentence keeps 2 or more words after sub-sampling; use a larger corpus or a larger sample threshold");
    }
    starts[count] = size;
    this.tokens = java.util.Arrays.copyOf(kept, size);
    this.sentenceStarts = java.util.Arrays.copyOf(starts, count + 1);
  }

  /** The number of sentences kept over all copies. */
  public int sentences() {
    return sentenceStarts.length - 1;
  }

  /** The number of tokens kept over all copies. */
  public int tokens() {
    return tokens.length;
  }

  /** The words of kept sentence {@code s}, for tests. */
  public int[] sentence(int s) {
    return java.util.Arrays.copyOfRange(tokens, sentenceStarts[s], sentenceStarts[s + 1]);
  }

  /**
   * Draws a context with a window of {@code window} words on each side into {@code context},
   * drawing again while the context would be empty.
   *
   * @param context receives the center word and the outside words; capacity at least 2 x window
   */
  public void sample(int window, RandomGenerator random, Context context) {
    while (true) {
      int s = random.nextInt(sentenceStarts.length - 1);
      int start = sentenceStarts[s];
      int length = sentenceStarts[s + 1] - start;
      int i = random.nextInt(length);
      int center = tokens[start + i];
      int n = 0;
      int from = Math.max(0, i - window);
      int to = Math.min(length, i + window + 1);
      for (int j = from; j < to; j++) {
        int word = tokens[start + j];
        if (j != i && word != center) {
          context.outside[n++] = word;
        }
      }
      if (n > 0) {
        context.center = center;
        context.size = n;
        return;
      }
    }
  }

  /** A reusable holder for one context, so drawing one allocates nothing. */
  public static final class Context {
    int center;
    int size;
    final int[] outside;

    /** Room for a window of up to {@code maxWindow} words each side. */
    public Context(int maxWindow) {
      outside = new int[2 * maxWindow];
    }

    public int center() {
      return center;
    }

    public int size() {
      return size;
    }

    public int outside(int k) {
      return outside[k];
    }
  }
}
