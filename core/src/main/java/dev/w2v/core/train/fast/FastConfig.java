package dev.w2v.core.train.fast;

import dev.w2v.core.W2vException;
import dev.w2v.core.train.Setting;
import dev.w2v.core.train.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast trainer's settings, word2vec C's defaults. Built from {@link Settings} by {@link #from},
 * which checks every range.
 *
 * @param model skip-gram or CBOW (skipgram)
 * @param dimension vector size d (100)
 * @param window the largest distance between the center and a context word; each center word uses a
 *     window shrunk at random to 1..window, as word2vec C does (5)
 * @param minCount words seen fewer times are dropped from the vocabulary (5)
 * @param sample word2vec C's sub-sampling threshold s; 0 keeps every word (1e-3)
 * @param learningRate the starting learning rate, decaying linearly to 1e-4 of itself over all
 *     epochs (0.025 skip-gram, 0.05 CBOW)
 * @param epochs passes over the corpus (5)
 * @param threads training threads (every processor)
 * @param seed the seed of every random draw; with one thread a seed fixes the result bit for bit
 * @param maxVocab the counting pass's pruning limit (10,000,000)
 * @param checkpointSeconds seconds between checkpoints, besides those at each epoch's end; 0 for
 *     none by time (300)
 * @param initScale input vectors start uniform in [-initScale/2, initScale/2) / d: 2, gensim 4's
 *     range, which trains measurably better vectors than word2vec C's 1 (bench/README.md)
 */
public record FastConfig(
    Model model,
    int dimension,
    int window,
    int minCount,
    double sample,
    double learningRate,
    int epochs,
    int threads,
    long seed,
    int maxVocab,
    int checkpointSeconds,
    double initScale) {

  private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

  /** More threads than this are refused: Hogwild gains nothing from oversubscription. */
  static final int MAX_THREADS = 4 * PROCESSORS;

  static final Setting MODEL =
      Setting.choice("model", "skipgram", List.of("skipgram", "cbow"), "skipgram or cbow");
  static final Setting DIM = Setting.integer("dim", 100, 1, Integer.MAX_VALUE, "vector dimension");
  static final Setting WINDOW =
      Setting.integer("window", 5, 1, 10_000, "largest window; each word shrinks it at random");
  static final Setting MIN_COUNT =
      Setting.integer("min-count", 5, 1, Integer.MAX_VALUE, "words seen fewer times are dropped");
  static final Setting SAMPLE =
      Setting.real(
          "sample", 1e-3, 0, Double.MAX_VALUE, "sub-sampling threshold s (word2vec C's -sample)");
  static final Setting LR =
      Setting.real(
          "lr",
          0,
          0,
          Double.MAX_VALUE,
          "0: 0.025 skipgram, 0.05 cbow; decays linearly to lr * 1e-4");
  static final Setting EPOCHS =
      Setting.integer("epochs", 5, 1, 1_000_000, "passes over the corpus");
  static final Setting THREADS =
      Setting.integer(
          "threads",
          0,
          0,
          MAX_THREADS,
          "training threads; 0: every processor (at most 4 x the " + PROCESSORS + " here)");
  static final Setting SEED = Setting.longValue("seed", 31415, "seed of every random generator");
  static final Setting MAX_VOCAB =
      Setting.integer(
          "max-vocab",
          10_000_000,
          1,
          1 << 30,
          "words held while counting before rare ones are pruned");
  static final Setting CHECKPOINT_SECONDS =
      Setting.integer(
          "checkpoint-seconds",
          300,
          0,
          Integer.MAX_VALUE,
          "seconds between checkpoints, besides one at each epoch's end; 0: epochs only");

  static final Setting INIT_SCALE =
      Setting.real(
          "init-scale",
          2,
          Double.MIN_VALUE,
          1000,
          "input vectors start in [-s/2, s/2)/dim: 2 as gensim, 1 as word2vec C");

  /** Every key, in --help order. */
  static final List<Setting> SETTINGS =
      List.of(
          MODEL,
          DIM,
          WINDOW,
          MIN_COUNT,
          SAMPLE,
          LR,
          EPOCHS,
          THREADS,
          SEED,
          MAX_VOCAB,
          CHECKPOINT_SECONDS,
          INIT_SCALE,
          StepKind.SETTING);

  /** Checks what a program building one directly could get wrong. */
  public FastConfig {
    if (model == null) {
      throw new W2vException("model must be skipgram or cbow");
    }
    require(dimension >= 1, "dim must be at least 1, was " + dimension);
    require(window >= 1, "window must be at least 1, was " + window);
    require(minCount >= 1, "min-count must be at least 1, was " + minCount);
    require(sample >= 0 && Double.isFinite(sample), "sample must be 0 or more, was " + sample);
    require(
        learningRate > 0 && Double.isFinite(learningRate),
        "lr must be positive, was " + learningRate);
    require(epochs >= 1, "epochs must be at least 1, was " + epochs);
    require(
        threads >= 1 && threads <= MAX_THREADS,
        "threads must be between 1 and " + MAX_THREADS + " (4 x the processors), was " + threads);
    require(maxVocab >= 1, "max-vocab must be at least 1, was " + maxVocab);
    require(checkpointSeconds >= 0, "checkpoint-seconds must not be negative");
    require(initScale > 0 && Double.isFinite(initScale), "init-scale must be positive");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new W2vException(message);
    }
  }

  /** word2vec C's defaults, every processor, seed 31415. */
  public static FastConfig defaults() {
    return new FastConfig(
        Model.SKIPGRAM,
        100,
        5,
        5,
        1e-3,
        Model.SKIPGRAM.defaultLearningRate(),
        5,
        PROCESSORS,
        31415,
        10_000_000,
        300,
        2);
  }

  /** The settings' values, every range checked; lr 0 and threads 0 mean the defaults. */
  public static FastConfig from(Settings s) {
    Model model = Model.of(MODEL.stringValue(s));
    double lr = LR.doubleValue(s);
    int threads = THREADS.intValue(s);
    return new FastConfig(
        model,
        DIM.intValue(s),
        WINDOW.intValue(s),
        MIN_COUNT.intValue(s),
        SAMPLE.doubleValue(s),
        lr == 0 ? model.defaultLearningRate() : lr,
        EPOCHS.intValue(s),
        threads == 0 ? PROCESSORS : threads,
        SEED.longValue(s),
        MAX_VOCAB.intValue(s),
        CHECKPOINT_SECONDS.intValue(s),
        INIT_SCALE.doubleValue(s));
  }

  /** This configuration with {@code threads} threads. */
  public FastConfig withThreads(int threads) {
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
        maxVocab,
        checkpointSeconds,
        initScale);
  }

  /** This configuration with {@code epochs} epochs. */
  public FastConfig withEpochs(int epochs) {
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
        maxVocab,
        checkpointSeconds,
        initScale);
  }

  /** This configuration with dimension {@code dimension}. */
  public FastConfig withDimension(int dimension) {
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
        maxVocab,
        checkpointSeconds,
        initScale);
  }

  /** This configuration with minimum count {@code minCount}. */
  public FastConfig withMinCount(int minCount) {
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
        maxVocab,
        checkpointSeconds,
        initScale);
  }

  /** This configuration with seed {@code seed}. */
  public FastConfig withSeed(long seed) {
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
        maxVocab,
        checkpointSeconds,
        initScale);
  }

  /** This configuration with the model {@code model} and its default learning rate. */
  public FastConfig withModel(Model model) {
    return new FastConfig(
        model,
        dimension,
        window,
        minCount,
        sample,
        model.defaultLearningRate(),
        epochs,
        threads,
        seed,
        maxVocab,
        checkpointSeconds,
        initScale);
  }

  /** This configuration with sub-sampling threshold {@code sample}. */
  public FastConfig withSample(double sample) {
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
        maxVocab,
        checkpointSeconds,
        initScale);
  }

  /** This configuration with starting learning rate {@code learningRate}. */
  public FastConfig withLearningRate(double learningRate) {
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
        maxVocab,
        checkpointSeconds,
        initScale);
  }

  /** This configuration with input vectors started at {@code scale} (2 gensim, 1 word2vec C). */
  public FastConfig withInitScale(double scale) {
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
        maxVocab,
        checkpointSeconds,
        scale);
  }

  /** This configuration with checkpoints every {@code seconds} (0: at epoch ends only). */
  public FastConfig withCheckpointSeconds(int seconds) {
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
        maxVocab,
        seconds,
        initScale);
  }

  /** The settings that shape the result; threads too, since each thread owns a generator. */
  Map<String, Object> fingerprint() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("trainer", "fast");
    f.put("model", model.key());
    f.put("dim", dimension);
    f.put("window", window);
    f.put("min-count", minCount);
    f.put("max-vocab", maxVocab);
    f.put("sample", sample);
    f.put("lr", learningRate);
    f.put("epochs", epochs);
    f.put("threads", threads);
    f.put("seed", seed);
    f.put("init-scale", initScale);
    return f;
  }
}
