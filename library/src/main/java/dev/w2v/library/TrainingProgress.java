package dev.w2v.library;

import java.time.Duration;

/**
 * Where a training run is, as a {@link ProgressListener} is told a few times per second.
 *
 * @param done units done: words for the fast trainer, iterations for CS224n's
 * @param total units of the whole run
 * @param unit what a unit is: {@code "words"} or {@code "it"} (iterations)
 * @param epoch the current pass over the corpus, from 1 (always 1 for trainers without epochs)
 * @param loss the recent loss; NaN before the first report
 * @param learningRate the current learning rate
 * @param wordsPerSecond training words per second; NaN where the trainer does not count words
 * @param elapsed time since training started
 * @param remaining time left at the current speed; null while unknown, zero at the end
 */
public record TrainingProgress(
    long done,
    long total,
    String unit,
    int epoch,
    double loss,
    double learningRate,
    double wordsPerSecond,
    Duration elapsed,
    Duration remaining) {

  /** The fraction done, in [0, 1]. */
  public double fraction() {
    return total <= 0 ? 1.0 : Math.min(1.0, done / (double) total);
  }
}
