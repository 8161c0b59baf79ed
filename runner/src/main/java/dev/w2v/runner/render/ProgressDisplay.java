package dev.w2v.runner.render;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress on stderr: a live progress bar when stderr is a terminal (the launcher
 * tells us, since Java cannot see it), else a plain log line every few seconds so that logs of
 * batch jobs stay readable.
 */
public final class ProgressDisplay implements AutoCloseable {

  private static final long LOG_EVERY_NANOS = Duration.ofSeconds(3).toNanos();

  private final PrintStream err;
  private final String unit;
  private final long total;
  private final long startNanos = System.nanoTime();
  private final ProgressBar bar;
  private static final long BAR_EVERY_NANOS = Duration.ofMillis(100).toNanos();

  private long lastLogNanos = startNanos;
  private long lastBarNanos;
  private boolean closed;
  private long startDone = -1;

  /**
   * @param task what is running, such as "training"
   * @param unit what is counted, such as "it" (iterations) or "words"
   * @param total how many units the run has
   */
  public ProgressDisplay(String task, String unit, long total, PrintStream err) {
    this.err = err;
    this.unit = unit;
    this.total = total;
    this.bar =
        Boolean.getBoolean("w2v.tty")
            ? new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build()
            : null;
  }

  /**
   * Records that {@code done} units are complete; {@code status} is shown beside the count. It is
   * asked for only when something is drawn, so a caller reporting thousands of times a second does
   * not pay for formatting each time.
   */
  public void update(long done, Supplier<String> status) {
    if (startDone < 0) {
      startDone = done;
    }
    long now = System.nanoTime();
    if (bar != null) {
      bar.stepTo(done);
      if (now - lastBarNanos >= BAR_EVERY_NANOS || done == total) {
        lastBarNanos = now;
        bar.setExtraMessage("  " + status.get());
      }
      return;
    }
    if (now - lastLogNanos >= LOG_EVERY_NANOS || done == total) {
      lastLogNanos = now;
      double seconds = (now - startNanos) / 1e9;
      double rate = seconds > 0 ? (done - startDone) / seconds : 0;
      double left = rate > 0 ? (total - done) / rate : Double.NaN;
      err.printf(
          Locale.ROOT,
          "%d/%d %s (%.0f%%)  %s  %.0f %s/s  %s left%n",
          done,
          total,
          unit,
          100.0 * done / Math.max(1, total),
          status.get(),
          rate,
          unit,
          format(left));
    }
  }

  private static String format(double seconds) {
    if (Double.isNaN(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
  }

  /** How many units the run has. */
  public long total() {
    return total;
  }

  /** Finishes the bar; closing again does nothing. */
  @Override
  public void close() {
    if (bar != null && !closed) {
      closed = true;
      bar.close();
    }
  }
}
