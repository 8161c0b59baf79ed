package dev.w2v.core.train;

import java.time.Duration;
import java.util.List;

/**
 * A snapshot of a run for display, taken a few times per second by the thread that called {@link
 * Trainer#train}, never by a training thread.
 *
 * @param done units done (iterations or words, as the plan says)
 * @param total units of the whole run
 * @param epoch the current pass over the corpus, from 1 (1 for trainers without epochs)
 * @param loss the recent loss (smoothed or a recent mean, as the plan says); NaN before any
 * @param learningRate the current learning rate
 * @param wordsPerSecond training words per second since this process started training; NaN where
 *     the trainer does not count words
 * @param perThread words per second of each training thread; empty if not counted per thread
 * @param elapsed time since training started in this process
 * @param remaining time left at the current speed; null while unknown
 */
public record Progress(
    long done,
    long total,
    int epoch,
    double loss,
    double learningRate,
    double wordsPerSecond,
    List<Double> perThread,
    Duration elapsed,
    Duration remaining) {

  /** Copies the per-thread list. */
  public Progress {
    perThread = List.copyOf(perThread);
  }

  /** The fraction done, in [0, 1]. */
  public double fraction() {
    return total <= 0 ? 1.0 : Math.min(1.0, done / (double) total);
  }
}
