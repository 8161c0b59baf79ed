package dev.w2v.core.train.cs224n;

import dev.w2v.core.train.Setting;
import dev.w2v.core.train.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CS224n trainer's settings; the defaults are those of the course's {@code run.py} and {@code
 * sgd.py}. Built from {@link Settings} by {@link #from}, which checks every range.
 *
 * @param dim vector dimension (10)
 * @param window the context window C; each context draws its size uniformly in 1..C (5)
 * @param iterations SGD iterations (40000)
 * @param batchSize contexts per iteration; loss and gradient are averaged over them (50)
 * @param learningRate the initial step (0.3)
 * @param annealEvery the step halves every this many iterations (20000)
 * @param sample the sub-sampling threshold t (1e-5)
 * @param copies how many sub-sampled copies of the corpus contexts are drawn from (30)
 * @param checkpointEvery iterations between checkpoints (5000)
 * @param reportEvery iterations between reports of the smoothed loss (10)
 * @param seed the seed every random generator derives from (31415)
 */
public record Cs224nConfig(
    int dim,
    int window,
    int iterations,
    int batchSize,
    double learningRate,
    int annealEvery,
    double sample,
    int copies,
    int checkpointEvery,
    int reportEvery,
    long seed) {

  static final Setting DIM = Setting.integer("dim", 10, 1, Integer.MAX_VALUE, "vector dimension");
  static final Setting WINDOW =
      Setting.integer(
          "window", 5, 1, 10_000, "context window C; each context draws its size in 1..C");
  static final Setting ITERATIONS =
      Setting.integer("iterations", 40000, 1, Integer.MAX_VALUE, "SGD iterations");
  static final Setting BATCH_SIZE =
      Setting.integer(
          "batch-size", 50, 1, 1_000_000, "contexts per iteration, loss and gradient averaged");
  static final Setting LR =
      Setting.real("lr", 0.3, Double.MIN_VALUE, Double.MAX_VALUE, "initial step size");
  static final Setting ANNEAL_EVERY =
      Setting.integer(
          "anneal-every", 20000, 1, Integer.MAX_VALUE, "halve the step every this many iterations");
  static final Setting SAMPLE =
      Setting.real(
          "sample", 1e-5, 0, Double.MAX_VALUE, "sub-sampling threshold t of 1 - sqrt(t N / count)");
  static final Setting CHECKPOINT_EVERY =
      Setting.integer(
          "checkpoint-every", 5000, 1, Integer.MAX_VALUE, "iterations between checkpoints");
  static final Setting REPORT_EVERY =
      Setting.integer(
          "report-every", 10, 1, Integer.MAX_VALUE, "iterations between smoothed-loss reports");
  static final Setting SEED = Setting.longValue("seed", 31415, "seed of every random generator");

  /** Every key, in --help order. */
  static final List<Setting> SETTINGS =
      List.of(
          DIM,
          WINDOW,
          ITERATIONS,
          BATCH_SIZE,
          LR,
          ANNEAL_EVERY,
          SAMPLE,
          CHECKPOINT_EVERY,
          REPORT_EVERY,
          SEED);

  /** CS224n keeps 30 sub-sampled copies of the corpus to draw contexts from. */
  static final int COPIES = 30;

  /** The course's settings. */
  public static Cs224nConfig defaults() {
    return new Cs224nConfig(10, 5, 40000, 50, 0.3, 20000, 1e-5, COPIES, 5000, 10, 31415);
  }

  /** The settings' values, every range checked. */
  public static Cs224nConfig from(Settings s) {
    return new Cs224nConfig(
        DIM.intValue(s),
        WINDOW.intValue(s),
        ITERATIONS.intValue(s),
        BATCH_SIZE.intValue(s),
        LR.doubleValue(s),
        ANNEAL_EVERY.intValue(s),
        SAMPLE.doubleValue(s),
        COPIES,
        CHECKPOINT_EVERY.intValue(s),
        REPORT_EVERY.intValue(s),
        SEED.longValue(s));
  }

  /** This configuration with another number of iterations. */
  public Cs224nConfig withIterations(int iterations) {
    return new Cs224nConfig(
        dim,
        window,
        iterations,
        batchSize,
        learningRate,
        annealEvery,
        sample,
        copies,
        checkpointEvery,
        reportEvery,
        seed);
  }

  /**
   * What a checkpoint must match to be resumed: every setting that shapes the trajectory.
   * Iterations and the checkpoint and report intervals may change between runs.
   */
  Map<String, Object> fingerprint() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("trainer", "cs224n");
    f.put("dim", dim);
    f.put("window", window);
    f.put("batch-size", batchSize);
    f.put("lr", learningRate);
    f.put("anneal-every", annealEvery);
    f.put("sample", sample);
    f.put("copies", copies);
    f.put("seed", seed);
    return f;
  }
}
