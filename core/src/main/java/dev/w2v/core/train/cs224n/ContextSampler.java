package dev.w2v.core.train.cs224n;

import dev.w2v.core.MemoryException;
import dev.w2v.core.W2vException;
import dev.w2v.core.corpus.ContextWindow;
import dev.w2v.core.corpus.EncodedCorpus;
import dev.w2v.core.corpus.SubSampling;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * CS224n's {@code getRandomContext}: the corpus taken {@code copies} times, each copy sub-sampled
 * independently, sentences left with fewer than 2 words dropped. A context is a random sentence and
 * position, and the words within a shrunk window of it other than the center word itself.
 *
 * <p>All copies live in one flat {@code int[]} with sentence offsets: memory proportional to the
 * corpus times the copies, as ints, checked against the heap before it is allocated.
 */
final class ContextSampler {

  private final int[] tokens;
  private final int[] sentenceStarts;

  /**
   * @param corpus the encoded corpus
   * @param subSampling each word's keep probability
   * @param copies how many sub-sampled copies of the corpus (30 in CS224n)
   * @param random draws the sub-sampling; the same state gives the same copies
   */
  ContextSampler(
      EncodedCorpus corpus, SubSampling subSampling, int copies, RandomGenerator random) {
    long capacity = corpus.words() * copies;
    long sentences = (corpus.size() - corpus.words()) * copies + 1;
    if (capacity > Integer.MAX_VALUE - 16 || sentences > Integer.MAX_VALUE - 16) {
      throw new W2vException(
          "the corpus is too large for the cs224n trainer ("
              + corpus.words()
              + " words x "
              + copies
              + " sub-sampled copies); use --trainer fast");
    }
    MemoryException.checkFits(
        4 * (capacity + sentences), "the cs224n trainer's " + copies + " copies of the corpus");
    int[] kept = new int[(int) capacity];
    int[] starts = new int[(int) sentences];
    int size = 0;
    int count = 0;
    for (int copy = 0; copy < copies; copy++) {
      int start = size;
      for (long p = 0; p < corpus.size(); p++) {
        int word = corpus.get(p);
        if (word != EncodedCorpus.END) {
          if (subSampling.keep(word, random)) {
            kept[size++] = word;
          }
          continue;
        }
        if (size - start < 2) {
          size = start; // CS224n drops sentences left with fewer than 2 words
        } else {
          starts[count++] = start;
        }
        start = size;
      }
    }
    if (count == 0) {
      throw new W2vException(
          "no sentence keeps 2 or more words after sub-sampling; use a larger corpus or a larger"
              + " sample threshold");
    }
    starts[count] = size;
    this.tokens = Arrays.copyOf(kept, size);
    this.sentenceStarts = Arrays.copyOf(starts, count + 1);
  }

  /** The number of sentences kept over all copies. */
  int sentences() {
    return sentenceStarts.length - 1;
  }

  /** The number of tokens kept over all copies. */
  int tokens() {
    return tokens.length;
  }

  /** The words of kept sentence {@code s}, for tests. */
  int[] sentence(int s) {
    return Arrays.copyOfRange(tokens, sentenceStarts[s], sentenceStarts[s + 1]);
  }

  /**
   * Draws a context into {@code context}, drawing again while it would be empty.
   *
   * @param window the largest reach C; each context's reach is {@link ContextWindow#reach}
   */
  void sample(int window, RandomGenerator random, Context context) {
    while (true) {
      int reach = ContextWindow.reach(window, random);
      int s = random.nextInt(sentenceStarts.length - 1);
      int start = sentenceStarts[s];
      int length = sentenceStarts[s + 1] - start;
      int i = random.nextInt(length);
      int center = tokens[start + i];
      int n = 0;
      int from = Math.max(0, i - reach);
      int to = Math.min(length, i + reach + 1);
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
  static final class Context {
    int center;
    int size;
    final int[] outside;

    /** Room for a window of up to {@code maxWindow} words each side. */
    Context(int maxWindow) {
      outside = new int[2 * maxWindow];
    }

    int center() {
      return center;
    }

    int size() {
      return size;
    }

    int outside(int k) {
      return outside[k];
    }
  }
}
