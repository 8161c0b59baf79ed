package dev.w2v.spark;

import dev.w2v.core.W2vException;
import dev.w2v.core.train.Setting;
import dev.w2v.core.train.Settings;
import dev.w2v.core.train.fast.Model;
import dev.w2v.core.train.fast.StepKind;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The spark trainer's settings: the fast trainer's keys with word2vec C's defaults, and those of
 * the distribution (master, partitions, rounds, threads per task, how changes are merged).
 *
 * @param model skip-gram or CBOW
 * @param dimension vector size d
 * @param window the largest window; each center word shrinks it at random
 * @param minCount words seen fewer times are dropped
 * @param sample word2vec C's sub-sampling threshold; 0 keeps every word
 * @param learningRate the starting learning rate, decaying linearly over global word progress
 * @param epochs passes over the corpus
 * @param rounds synchronisation rounds per epoch
 * @param partitions how many tasks train at once (0: Spark's default parallelism / threads)
 * @param threads Hogwild threads inside each task (0: {@code spark.task.cpus})
 * @param merge how the tasks' changes are combined
 * @param step how a task hands pairs to the loss: batched windows or one call per pair
 * @param seed the seed of every random draw
 * @param maxVocab the counting pass's pruning limit, per task
 * @param checkpointRounds rounds between checkpoints
 * @param master the Spark master URL
 * @param sparkConf extra Spark settings, {@code key=value}
 * @param executorWaitSeconds how long a cluster master may take to give the first executor
 */
public record SparkConfig(
    Model model,
    int dimension,
    int window,
    int minCount,
    double sample,
    double learningRate,
    int epochs,
    int rounds,
    int partitions,
    int threads,
    Merge merge,
    StepKind step,
    long seed,
    int maxVocab,
    int checkpointRounds,
    String master,
    Map<String, String> sparkConf,
    int executorWaitSeconds)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How the driver combines the changes the tasks of a round made to the round's model. */
  public enum Merge {
    /**
     * Every task's change is added: each word's updates count once, as if one machine had trained
     * the whole round from the round's model.
     */
    SUM,
    /**
     * Each row moves by the mean change of the tasks that touched it (MLlib's averaging of
     * weights): safer with many tasks on the same rows, slower to learn.
     */
    AVERAGE;

    /** The configuration value. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

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
          "0: 0.025 skipgram, 0.05 cbow; decays linearly to lr * 1e-4 over all words");
  static final Setting EPOCHS =
      Setting.integer("epochs", 5, 1, 1_000_000, "passes over the corpus");
  static final Setting ROUNDS =
      Setting.integer(
          "rounds",
          4,
          1,
          100_000,
          "synchronisation rounds per epoch: the tasks' changes are merged after each");
  static final Setting PARTITIONS =
      Setting.integer(
          "partitions",
          0,
          0,
          1_000_000,
          "tasks per round, each a share of the corpus; 0: Spark's cores / threads");
  static final Setting THREADS =
      Setting.integer(
          "threads",
          0,
          0,
          1024,
          "Hogwild threads in each task; 0: spark.task.cpus (1 keeps runs repeatable)");
  static final Setting MERGE =
      Setting.choice(
          "merge",
          "sum",
          List.of("sum", "average"),
          "sum the tasks' changes, or average them per row (MLlib's way)");
  static final Setting SEED = Setting.longValue("seed", 31415, "seed of every random generator");
  static final Setting MAX_VOCAB =
      Setting.integer(
          "max-vocab",
          10_000_000,
          1,
          1 << 30,
          "words each counting task holds before rare ones are pruned");
  static final Setting CHECKPOINT_ROUNDS =
      Setting.integer("checkpoint-rounds", 1, 1, Integer.MAX_VALUE, "rounds between checkpoints");
  static final Setting MASTER =
      Setting.string(
          "spark-master",
          "local[*]",
          "Spark master: local[N], spark://HOST:PORT, yarn, k8s://... (spark-submit's wins)");
  static final Setting SPARK_CONF =
      Setting.list(
          "spark-conf", List.of(), "extra Spark settings, key=value (spark.executor.memory=8g)");
  static final Setting EXECUTOR_WAIT =
      Setting.integer(
          "executor-wait",
          120,
          1,
          86_400,
          "seconds a cluster master may take to give this run its first executor");

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
          ROUNDS,
          PARTITIONS,
          THREADS,
          MERGE,
          StepKind.SETTING,
          SEED,
          MAX_VOCAB,
          CHECKPOINT_ROUNDS,
          MASTER,
          SPARK_CONF,
          EXECUTOR_WAIT);

  /** Checks what a program building one directly could get wrong. */
  public SparkConfig {
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
    require(rounds >= 1, "rounds must be at least 1, was " + rounds);
    require(partitions >= 0, "partitions must not be negative, was " + partitions);
    require(threads >= 0, "threads must not be negative, was " + threads);
    require(maxVocab >= 1, "max-vocab must be at least 1, was " + maxVocab);
    require(checkpointRounds >= 1, "checkpoint-rounds must be at least 1");
    require(master != null && !master.isBlank(), "spark-master must name a Spark master");
    require(executorWaitSeconds >= 1, "executor-wait must be at least 1");
    if (merge == null) {
      throw new W2vException("merge must be sum or average");
    }
    if (step == null) {
      throw new W2vException("step must be auto, batched or pairs");
    }
    sparkConf = Map.copyOf(sparkConf);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new W2vException(message);
    }
  }

  /** The settings' values, every range checked; lr 0 means the model's default. */
  public static SparkConfig from(Settings s) {
    Model model = Model.of(MODEL.stringValue(s));
    double lr = LR.doubleValue(s);
    return new SparkConfig(
        model,
        DIM.intValue(s),
        WINDOW.intValue(s),
        MIN_COUNT.intValue(s),
        SAMPLE.doubleValue(s),
        lr == 0 ? model.defaultLearningRate() : lr,
        EPOCHS.intValue(s),
        ROUNDS.intValue(s),
        PARTITIONS.intValue(s),
        THREADS.intValue(s),
        Merge.valueOf(MERGE.stringValue(s).toUpperCase(Locale.ROOT)),
        StepKind.from(s),
        SEED.longValue(s),
        MAX_VOCAB.intValue(s),
        CHECKPOINT_ROUNDS.intValue(s),
        MASTER.stringValue(s).trim(),
        sparkConf(SPARK_CONF.listValue(s)),
        EXECUTOR_WAIT.intValue(s));
  }

  private static Map<String, String> sparkConf(List<String> pairs) {
    Map<String, String> conf = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || !pair.startsWith("spark.")) {
        throw new W2vException(
            "spark-conf expects spark.KEY=VALUE entries, such as spark.executor.memory=8g; got '"
                + pair
                + "'");
      }
      conf.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return conf;
  }

  /** word2vec C's defaults on {@code local[*]}. */
  public static SparkConfig defaults() {
    return new SparkConfig(
        Model.SKIPGRAM,
        100,
        5,
        5,
        1e-3,
        Model.SKIPGRAM.defaultLearningRate(),
        5,
        4,
        0,
        0,
        Merge.SUM,
        StepKind.AUTO,
        31415,
        10_000_000,
        1,
        "local[*]",
        Map.of(),
        120);
  }

  /** A builder starting from this configuration, for programs and tests. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some values of a {@link SparkConfig}. */
  public static final class Builder {
    private Model model;
    private int dimension;
    private int window;
    private int minCount;
    private double sample;
    private double learningRate;
    private int epochs;
    private int rounds;
    private int partitions;
    private int threads;
    private Merge merge;
    private StepKind step;
    private long seed;
    private int maxVocab;
    private int checkpointRounds;
    private String master;
    private Map<String, String> sparkConf;
    private int executorWaitSeconds;

    private Builder(SparkConfig c) {
      model = c.model;
      dimension = c.dimension;
      window = c.window;
      minCount = c.minCount;
      sample = c.sample;
      learningRate = c.learningRate;
      epochs = c.epochs;
      rounds = c.rounds;
      partitions = c.partitions;
      threads = c.threads;
      merge = c.merge;
      step = c.step;
      seed = c.seed;
      maxVocab = c.maxVocab;
      checkpointRounds = c.checkpointRounds;
      master = c.master;
      sparkConf = c.sparkConf;
      executorWaitSeconds = c.executorWaitSeconds;
    }

    /** The model, with its default learning rate. */
    public Builder model(Model model) {
      this.model = model;
      this.learningRate = model.defaultLearningRate();
      return this;
    }

    public Builder dimension(int dimension) {
      this.dimension = dimension;
      return this;
    }

    public Builder window(int window) {
      this.window = window;
      return this;
    }

    public Builder minCount(int minCount) {
      this.minCount = minCount;
      return this;
    }

    public Builder sample(double sample) {
      this.sample = sample;
      return this;
    }

    public Builder learningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    public Builder rounds(int rounds) {
      this.rounds = rounds;
      return this;
    }

    public Builder partitions(int partitions) {
      this.partitions = partitions;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder merge(Merge merge) {
      this.merge = merge;
      return this;
    }

    /** How a task hands pairs to the loss. */
    public Builder step(StepKind step) {
      this.step = step;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder maxVocab(int maxVocab) {
      this.maxVocab = maxVocab;
      return this;
    }

    public Builder checkpointRounds(int checkpointRounds) {
      this.checkpointRounds = checkpointRounds;
      return this;
    }

    public Builder master(String master) {
      this.master = master;
      return this;
    }

    public Builder sparkConf(Map<String, String> sparkConf) {
      this.sparkConf = sparkConf;
      return this;
    }

    public Builder executorWaitSeconds(int seconds) {
      this.executorWaitSeconds = seconds;
      return this;
    }

    /** The configuration, checked. */
    public SparkConfig build() {
      return new SparkConfig(
          model,
          dimension,
          window,
          minCount,
          sample,
          learningRate,
          epochs,
          rounds,
          partitions,
          threads,
          merge,
          step,
          seed,
          maxVocab,
          checkpointRounds,
          master,
          sparkConf,
          executorWaitSeconds);
    }
  }
}
