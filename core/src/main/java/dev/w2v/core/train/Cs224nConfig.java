package dev.w2v.core.train;

/**
 * The CS224n trainer's settings; the defaults are those of the course's {@code run.py} and {@code
 * sgd.py}.
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

  /** The course's settings. */
  public static Cs224nConfig defaults() {
    return new Cs224nConfig(10, 5, 40000, 50, 0.3, 20000, 1e-5, 30, 5000, 10, 31415);
  }

  public Cs224nConfig {
    positive(dim, "dim");
    positive(window, "window");
    positive(iterations, "iterations");
    positive(batchSize, "batch-size");
    positive(annealEvery, "anneal-every");
    positive(copies, "copies");
    positive(checkpointEvery, "checkpoint-every");
    positive(reportEvery, "report-every");
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("lr must be a positive number, was " + learningRate);
    }
    if (!(sample >= 0)) {
      throw new IllegalArgumentException("sample must be >= 0, was " + sample);
    }
  }

  private static void positive(int value, String key) {
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be at least 1, was " + value);
    }
  }

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
  public String fingerprint() {
    return "cs224n dim="
        + dim
        + " window="
        + window
        + " batch-size="
        + batchSize
        + " lr="
        + learningRate
        + " anneal-every="
        + annealEvery
        + " sample="
        + sample
        + " copies="
        + copies
        + " seed="
        + seed;
  }
}
