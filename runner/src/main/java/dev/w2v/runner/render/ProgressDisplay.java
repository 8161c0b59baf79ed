package dev.w2v.runner.render;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Shows a run's progress on stderr: a live progress bar when stderr is a terminal (the launcher
 * tells us with {@code -Dw2v.tty=true} and the width with {@code -Dw2v.columns}, since Java can see
 * neither), else a plain log line every few seconds so that logs of batch jobs stay readable.
 *
 * <p>The bar is drawn here rather than by a library: progressbar 0.10 (used before) gave the bar
 * only the columns left over by the status text, so a long status drew an empty {@code [ ]}, then
 * cut the line at the terminal's edge mid-word; and it learnt the width through JLine, which falls
 * back to 80 columns where it cannot ask the terminal. Here the width is the terminal's, the bar
 * keeps at least a fifth of the line and the same size from frame to frame, and the status gives
 * way instead, a whole item at a time. A resized terminal (SIGWINCH) is measured again, and each
 * frame is written with line wrapping off, so a frame drawn for a wider terminal never spills onto
 * a second line.
 *
 * <p>One thread calls {@link #update}, {@link #complete} and {@link #close}; the resize handler
 * only sets the width that the next frame reads.
 */
public final class ProgressDisplay implements AutoCloseable {

  private static final long LOG_EVERY_NANOS = Duration.ofSeconds(3).toNanos();
  private static final long FRAME_EVERY_NANOS = Duration.ofMillis(100).toNanos();

  /** The bar's fewest cells, on a narrow terminal: fewer say nothing. */
  static final int MIN_BAR = 10;

  /** The bar's most cells: more only sprawl across a wide terminal. */
  static final int MAX_BAR = 60;

  /** Before a frame: back to the line's start, line wrapping off. */
  private static final String START = "\r\033[?7l";

  /** After it: erase what a longer earlier frame left, line wrapping back on. */
  private static final String END = "\033[K\033[?7h";

  /** Widths the speed and time fields are padded to, so the fields do not jitter. */
  private static final int RATE_WIDTH = 5;

  private static final int TIME_WIDTH = 10;

  private final String task;
  private final String unit;
  private final long total;
  private final PrintStream err;
  private final LongSupplier clock;
  private final long startNanos;

  /** The terminal's width in columns, or 0 when stderr is not a terminal. */
  private volatile int columns;

  private volatile boolean resized;

  /** The bar's cells, chosen at the first frame for a terminal width and kept for it. */
  private int barCells = -1;

  private int barColumns;
  private long lastLogNanos;
  private long lastFrameNanos;
  private long firstDone = -1;
  private long firstNanos;
  private long done;
  private String status = "";
  private boolean closed;

  /**
   * @param task what is running, such as "training"
   * @param unit what is counted, such as "it" (iterations) or "words"
   * @param total how many units the run has
   */
  public ProgressDisplay(String task, String unit, long total, PrintStream err) {
    this(task, unit, total, err, Terminal.columns(), System::nanoTime);
    if (columns > 0) {
      Terminal.onResize(
          () -> {
            int measured = Terminal.measure();
            if (measured > 0) {
              columns = measured;
              resized = true;
            }
          });
    }
  }

  /**
   * For tests: {@code columns} 0 for plain log lines, else a terminal that wide; {@code clock} in
   * nanoseconds. On a terminal the first frame (0%) is drawn at once.
   */
  ProgressDisplay(
      String task, String unit, long total, PrintStream err, int columns, LongSupplier clock) {
    this.task = task;
    this.unit = unit;
    this.total = total;
    this.err = err;
    this.columns = columns;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.lastLogNanos = startNanos;
    if (columns > 0) {
      frame();
    }
  }

  /**
   * Records that {@code done} units are complete; {@code status} is shown beside the count. It is
   * asked for only when something is drawn, so a caller reporting thousands of times a second does
   * not pay for formatting each time.
   */
  public void update(long done, Supplier<String> status) {
    if (closed) {
      return;
    }
    long now = clock.getAsLong();
    if (firstDone < 0) {
      // speed counts from the first report, so a resumed run is not credited with earlier work
      firstDone = done;
      firstNanos = now;
    }
    this.done = done;
    boolean last = done >= total;
    if (columns > 0) {
      if (last || resized || now - lastFrameNanos >= FRAME_EVERY_NANOS) {
        this.status = status.get();
        frame();
      }
      if (last) {
        endLine();
      }
      return;
    }
    if (now - lastLogNanos >= LOG_EVERY_NANOS || last) {
      lastLogNanos = now;
      double rate = rate(now);
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
          logDuration(left));
      closed = last;
    }
  }

  /**
   * Marks the work as done: the bar is drawn full at 100% with the run's time, and its line ends.
   * For a job whose last {@link #update} may come before its last unit is counted (the fast trainer
   * reports on a timer); after an {@code update(total, ...)} it does nothing.
   */
  public void complete() {
    String last = status;
    update(total, () -> last);
  }

  /** How many units the run has. */
  public long total() {
    return total;
  }

  /**
   * Ends the bar's line where the run stopped, so a run that failed shows how far it got; closing
   * again, or after the run completed, does nothing.
   */
  @Override
  public void close() {
    if (!closed && columns > 0) {
      frame();
      endLine();
    }
    closed = true;
  }

  private void endLine() {
    err.print('\n');
    err.flush();
    closed = true;
  }

  private void frame() {
    long now = clock.getAsLong();
    lastFrameNanos = now;
    resized = false;
    err.print(START + render(columns, now) + END);
    err.flush();
  }

  /**
   * One frame of at most {@code columns - 1} characters (the last column stays free: some terminals
   * wrap once it is written): task, percentage, bar, count, speed, time left, then as many of the
   * status's items (separated by two spaces) as fit, from the left.
   */
  String render(int columns, long now) {
    int width = Math.max(1, columns - 1);
    long shown = Math.min(Math.max(done, 0), total);
    // floor, so that 100% means done, never 99.6%
    int percent = total <= 0 ? 100 : (int) (100 * shown / total);
    String head = String.format(Locale.ROOT, "%s %3d%% ", task, percent);
    String totalCount = count(total, 1_000_000);
    String counted =
        " " + pad(count(shown, 1_000_000), totalCount.length()) + "/" + totalCount + " " + unit;
    double rate = rate(now);
    double seconds = (now - startNanos) / 1e9;
    String time =
        shown >= total
            ? "in " + duration(seconds)
            : rate > 0 ? duration((total - shown) / rate) + " left" : "";
    String speed =
        "  "
            + pad(rate > 0 ? count(Math.round(rate), 10_000) : "", RATE_WIDTH)
            + " "
            + unit
            + "/s  "
            + String.format(Locale.ROOT, "%-" + TIME_WIDTH + "s", time);
    if (rate <= 0 && time.isEmpty()) {
      // before the second report there is no speed yet: keep its place, show nothing
      speed = " ".repeat(speed.length());
    }
    List<String> items =
        Arrays.stream(status.split(" {2,}")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (barCells < 0 || barColumns != columns) {
      // The bar's size is chosen for a terminal width, as large as leaves room for the count, the
      // speed and the status as it is now, within [MIN_BAR, MAX_BAR]; once a report has come, it
      // stays so while the width does, and the status gives way when it grows.
      int fixed = head.length() + 2 + counted.length() + speed.length();
      int statusWidth = items.isEmpty() ? 0 : 2 + String.join("  ", items).length();
      // a fifth of the line at least, so that on a narrow terminal the bar is still the bar
      int least = Math.max(MIN_BAR, width / 5);
      int cells = Math.max(least, Math.min(MAX_BAR, width - fixed - statusWidth));
      if (firstDone < 0) {
        return layout(width, head, cells, shown, counted, speed, items);
      }
      barCells = cells;
      barColumns = columns;
    }
    return layout(width, head, barCells, shown, counted, speed, items);
  }

  private String layout(
      int width,
      String head,
      int cells,
      long shown,
      String counted,
      String speed,
      List<String> items) {
    StringBuilder line = new StringBuilder(head);
    if (head.length() + cells + 2 + counted.length() <= width) {
      line.append(bar(cells, shown));
    }
    line.append(counted);
    String speedOnly = speed.stripTrailing();
    if (line.length() + speedOnly.length() <= width) {
      // the time's padding holds the status in place while the time shortens
      int statusStart = line.length() + speed.length();
      StringBuilder statusText = new StringBuilder();
      for (String item : items) {
        if (statusStart + statusText.length() + 2 + item.length() > width) {
          break;
        }
        statusText.append("  ").append(item);
      }
      line.append(statusText.length() == 0 ? speedOnly : speed + statusText);
    }
    return line.length() > width ? line.substring(0, width) : line.toString();
  }

  private String bar(int cells, long shown) {
    int full = total <= 0 ? cells : (int) (cells * shown / total);
    StringBuilder b = new StringBuilder(cells + 2).append('[');
    for (int i = 0; i < cells; i++) {
      b.append(i < full ? '=' : i == full ? '>' : ' ');
    }
    return b.append(']').toString();
  }

  private double rate(long now) {
    double seconds = (now - firstNanos) / 1e9;
    return firstDone >= 0 && seconds > 0 ? (done - firstDone) / seconds : 0;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  /** {@code n} in full below {@code compactFrom}, else in k, M or G with three figures. */
  static String count(long n, long compactFrom) {
    if (n < compactFrom) {
      return Long.toString(n);
    }
    String[] suffixes = {"k", "M", "G", "T"};
    double v = n;
    int s = -1;
    while (v >= 1000 && s < suffixes.length - 1) {
      v /= 1000;
      s++;
    }
    return String.format(
        Locale.ROOT, v >= 100 ? "%.0f%s" : v >= 10 ? "%.1f%s" : "%.2f%s", v, suffixes[s]);
  }

  /** The bar's time: tenths below ten seconds, so a short run does not read "0s". */
  static String duration(double seconds) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return seconds < 9.95 ? String.format(Locale.ROOT, "%.1fs", seconds) : s + "s";
  }

  /** Log lines' time: whole seconds, as they have always been written. */
  private static String logDuration(double seconds) {
    if (Double.isNaN(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
  }
}
