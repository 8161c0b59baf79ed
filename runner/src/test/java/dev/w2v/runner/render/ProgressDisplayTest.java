package dev.w2v.runner.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

  /** The fast trainer's status: longer than what fits beside a bar at 120 columns. */
  private static final String STATUS =
      "loss 2.325  lr 0.01409  epoch 13  per thread 423k/449k words/s";

  private static final Pattern BAR = Pattern.compile("\\[([=> ]*)\\]");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now = 1_000_000_000L;

  private ProgressDisplay terminal(int columns, long total) {
    return new ProgressDisplay("training", "words", total, err, columns, () -> now);
  }

  /** The frames drawn so far, as the terminal shows them: escapes removed, one per redraw. */
  private List<String> frames() {
    String text = bytes.toString(StandardCharsets.UTF_8).replaceAll("\033\\[[?0-9;]*[A-Za-z]", "");
    return Arrays.stream(text.split("[\r\n]")).filter(s -> !s.isEmpty()).toList();
  }

  private static String bar(String frame) {
    Matcher m = BAR.matcher(frame);
    assertTrue(m.find(), "a bar in: " + frame);
    return m.group(1);
  }

  @Test
  void theBarFillsAsWorkAdvancesAndEndsFullAt100Percent() {
    ProgressDisplay display = terminal(120, 6_010_650);
    for (int step = 1; step <= 10; step++) {
      now += 500_000_000L;
      display.update(601_065L * step, () -> STATUS);
    }
    display.close();
    List<String> frames = frames();
    assertEquals(11, frames.size(), "the first frame at once, then one per update: " + frames);
    int filled = -1;
    for (String frame : frames) {
      int f = bar(frame).replaceAll("[^=]", "").length();
      assertTrue(f >= filled, "the bar never shrinks: " + frames);
      filled = f;
    }
    String last = frames.get(frames.size() - 1);
    assertTrue(last.startsWith("training 100% ["), last);
    assertTrue(bar(last).matches("=+"), "full: " + last);
    assertTrue(bar(last).length() >= ProgressDisplay.MIN_BAR, last);
    assertTrue(last.contains(" 6.01M/6.01M words") && last.contains("in 5.0s"), last);
    assertTrue(
        last.endsWith("in 5.0s     loss 2.325  lr 0.01409  epoch 13"),
        "what fits of the status, whole items only: " + last);
    assertTrue(frames.get(0).startsWith("training   0% ["), "shown at once: " + frames.get(0));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\n"), "the line is ended");
  }

  @Test
  void everyFrameFitsTheTerminalAndTheStatusGivesWayBeforeTheBar() {
    for (int columns : new int[] {30, 60, 80, 100, 120, 160, 250}) {
      bytes.reset();
      ProgressDisplay display = terminal(columns, 6_010_650);
      now += 250_000_000L;
      display.update(20_000, () -> STATUS);
      now += 3_000_000_000L;
      display.update(2_622_696, () -> STATUS);
      display.close();
      for (String frame : frames()) {
        assertTrue(frame.length() <= columns - 1, columns + " columns: " + frame);
        if (columns >= 60) {
          assertTrue(bar(frame).length() >= ProgressDisplay.MIN_BAR, columns + ": " + frame);
        }
      }
      List<String> frames = frames();
      String last = frames.get(frames.size() - 1);
      assertTrue(last.startsWith("training  43% "), last);
      if (columns >= 80) {
        assertTrue(last.contains(" 2.62M/6.01M words"), last);
        // 2.60M words in the 3 s since the first report; 3.39M to go
        assertTrue(last.contains(" 868k words/s  3.9s left"), last);
        assertEquals(
            bar(frames.get(1)).length(), bar(last).length(), "the bar keeps its size: " + frames);
      }
      if (columns >= 160) {
        assertTrue(last.endsWith("words/s"), "the whole status at " + columns + ": " + last);
      }
      if (columns == 120) {
        assertTrue(last.contains("  loss 2.325"), "the loss fits at 120 columns: " + last);
        assertTrue(bar(last).length() >= 119 / 5, "a fifth of the line: " + last);
      }
    }
  }

  @Test
  void completeDrawsTheFullBarWhenTheLastReportCameEarly() {
    ProgressDisplay display = terminal(100, 1000);
    now += 1_000_000_000L;
    display.update(980, () -> "loss 2.1");
    display.complete();
    display.close();
    List<String> frames = frames();
    String last = frames.get(frames.size() - 1);
    assertTrue(last.startsWith("training 100% "), last);
    assertTrue(bar(last).matches("=+"), last);
    assertTrue(last.endsWith("loss 2.1"), last);
    assertEquals(1, bytes.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count());
  }

  @Test
  void aStoppedRunShowsHowFarItGot() {
    ProgressDisplay display = terminal(100, 1000);
    now += 1_000_000_000L;
    display.update(420, () -> "");
    display.close();
    display.close();
    List<String> frames = frames();
    assertTrue(frames.get(frames.size() - 1).startsWith("training  42% ["), frames.toString());
    assertEquals(1, bytes.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count());
  }

  @Test
  void framesAreThrottledButTheLastIsAlwaysDrawn() {
    ProgressDisplay display = terminal(100, 100_000);
    for (int i = 1; i <= 100_000; i++) {
      now += 1_000; // 100k updates over 0.1 s
      display.update(i, () -> "");
    }
    List<String> frames = frames();
    assertTrue(frames.size() <= 3, "no more than one frame per 100 ms: " + frames.size());
    assertTrue(frames.get(frames.size() - 1).startsWith("training 100%"), frames.toString());
  }

  @Test
  void withoutATerminalItLogsPlainLines() {
    ProgressDisplay display = new ProgressDisplay("training", "it", 40000, err, 0, () -> now);
    for (int i = 1; i <= 8; i++) {
      now += 1_000_000_000L;
      display.update(5000L * i, () -> "loss 9.5");
    }
    display.close();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(text.contains("\r") || text.contains("\033"), text);
    List<String> lines = text.lines().toList();
    assertEquals(3, lines.size(), "every 3 s and at the end: " + text);
    assertEquals("40000/40000 it (100%)  loss 9.5  5000 it/s  0s left", lines.get(2));
  }

  @Test
  void countsAndTimesAreShort() {
    assertEquals("40000", ProgressDisplay.count(40000, 1_000_000));
    assertEquals("6.01M", ProgressDisplay.count(6_010_650, 1_000_000));
    assertEquals("850k", ProgressDisplay.count(850_352, 10_000));
    assertEquals("12.3k", ProgressDisplay.count(12_345, 10_000));
    assertEquals("5.7s", ProgressDisplay.duration(5.68));
    assertEquals("42s", ProgressDisplay.duration(42.2));
    assertEquals("2m05s", ProgressDisplay.duration(125));
    assertEquals("1h01m", ProgressDisplay.duration(3700));
  }
}
