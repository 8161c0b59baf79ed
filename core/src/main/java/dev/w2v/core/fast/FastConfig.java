package dev.w2v.core.fast;

import dev.w2v.core.W2vException;
import java.util.Objects;

/**
 * Everything the fast trainer needs besides the corpus and the loss. Immutable; start from {@link
 * #defaults()} and change what you need with {@link #toBuilder()}.
 *
 * @param model skip-gram or CBOW; default {@link Model#SKIPGRAM}
 * @param dimension vector size d; default 100
 * @param window the largest distance between the center and a context word; each center word uses a
 *     window shrunk at random to 1..window, as word2vec C does; default 5
 * @param minCount words seen fewer times are dropped from the vocabulary; default 5
 * @param sample the sub-sampling threshold s: a word of count c out of N is kept with probability
 *     (sqrt(c/(sN)) + 1) * sN/c; 0 keeps every word; default 1e-3
 * @param learningRate the starting learning rate, decaying linearly to 1e-4 of itself over all
 *     epochs; {@code null} means the model's default (0.025 skip-gram, 0.05 CBOW)
 * @param epochs passes over the corpus; default 5
 * @param threads training threads; default {@link Runtime#availableProcessors()}
 * @param seed the seed of every random draw; with one thread a seed fixes the result bit for bit
 * @param lowercase whether tokens are lower-cased (Locale.ROOT) while reading; default false, as in
 *     word2vec C, so that vocabularies match those of word2vec C and gensim
 * @param maxVocab the pruning limit of the counting pass: when more distinct words than this are
 *     held, words of count at most a threshold are dropped and the threshold grows by one (word2vec
 *     C's ReduceVocab); default 10,000,000
 * @param maxInMemoryWords the encoded corpus is kept in an int array up to this many positions
 *     (words plus sentence ends), in a memory-mapped temporary file beyond; default: a quarter of
 *     the maximum heap, in ints
 */
public record FastConfig(
    Model model,
    int dimension,
    int window,
    int minCount,
    double sample,
    Double learningRate,
    int epochs,
    int threads,
    long seed,
    boolean lowercase,
    int maxVocab,
    long maxInMemoryWords) {

  /** word2vec C's cap on a sentence: longer lines are cut into pieces of this many words. */
  public static final int MAX_SENTENCE_LENGTH = 1000;

  /** Checks every value and says which one is wrong. */
  public FastConfig {
    Objects.requireNonNull(model, "model");
    require(dimension >= 1, "dim must be at least 1, was " + dimension);
    require(window >= 1, "window must be at least 1, was " + window);
    require(minCount >= 1, "min-count must be at least 1, was " + minCount);
    require(sample >= 0 && Double.isFinite(sample), "sample must be 0 or more, was " + sample);
    require(
        learningRate == null || (learningRate > 0 && Double.isFinite(learningRate)),
        "lr must be positive, was " + learningRate);
    require(epochs >= 1, "epochs must be at least 1, was " + epochs);
    require(threads >= 1, "threads must be at least 1, was " + threads);
    require(maxVocab >= 1, "max-vocab must be at least 1, was " + maxVocab);
    require(maxInMemoryWords >= 0, "max-in-memory-words must not be negative");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new W2vException(message);
    }
  }

  /** The defaults listed on each component, with seed 1. */
  public static FastConfig defaults() {
    return new FastConfig(
        Model.SKIPGRAM,
        100,
        5,
        5,
        1e-3,
        null,
        5,
        Runtime.getRuntime().availableProcessors(),
        1L,
        false,
        10_000_000,
        Runtime.getRuntime().maxMemory() / 4 / Integer.BYTES);
  }

  /** The starting learning rate: the configured one, or the model's default. */
  public double startingLearningRate() {
    return learningRate != null ? learningRate : model.defaultLearningRate();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some values of a configuration; {@link #build()} validates them. */
  public static final class Builder {
    private Model model;
    private int dimension;
    private int window;
    private int minCount;
    private double sample;
    private Double learningRate;
    private int epochs;
    private int threads;
    private long seed;
    private boolean lowercase;
    private int maxVocab;
    private long maxInMemoryWords;

    private Builder(FastConfig c) {
      model = c.model;
      dimension = c.dimension;
      window = c.window;
      minCount = c.minCount;
      sample = c.sample;
      learningRate = c.learningRate;
      epochs = c.epochs;
      threads = c.threads;
      seed = c.seed;
      lowercase = c.lowercase;
      maxVocab = c.maxVocab;
      maxInMemoryWords = c.maxInMemoryWords;
    }

    public Builder model(Model v) {
      model = v;
      return this;
    }

    public Builder dimension(int v) {
      dimension = v;
      return this;
    }

    public Builder window(int v) {
      window = v;
      return this;
    }

    public Builder minCount(int v) {
      minCount = v;
      return this;
    }

    public Builder sample(double v) {
      sample = v;
      return this;
    }

    /** {@code null} for the model's default. */
    public Builder learningRate(Double v) {
      learningRate = v;
      return this;
    }

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder lowercase(boolean v) {
      lowercase = v;
      return this;
    }

    public Builder maxVocab(int v) {
      maxVocab = v;
      return this;
    }

    public Builder maxInMemoryWords(long v) {
      maxInMemoryWords = v;
      return this;
    }

    public FastConfig build() {
      return new FastConfig(
          model,
          dimension,
          window,
          minCount,
          sample,
          learningRate,
          epochs,
          threads,
          seed,
          lowercase,
          maxVocab,
          maxInMemoryWords);
    }
  }
}
