package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar as a terminal shows it: {@code ./w2v train} runs under a pseudo-terminal of a
 * fixed width ({@code script}, from util-linux), and the frames it draws are read back from what
 * the terminal received.
 */
class ProgressBarIT {

  private static final Pattern FRAME = Pattern.compile("^training +(\\d+)% (?:\\[([=> ]*)\\])?.*");

  @TempDir Path work;

  @BeforeEach
  void needsScript() {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/script")),
        "skipped: /usr/bin/script (util-linux) is needed for a pseudo-terminal");
  }

  @Test
  void theBarFillsFitsTheTerminalAndEndsFullAt100Percent() throws Exception {
    List<String> frames =
        frames(
            terminal(
                "stty cols 100 rows 30; exec "
                    + w2v()
                    + " train"
                    + " --iterations 12000 --out "
                    + work.resolve("out")));
    assertTrue(frames.size() >= 3, "frames as training goes: " + frames);
    assertTrue(frames.get(0).startsWith("training   0% ["), "first frame at 0%: " + frames.get(0));
    int percent = -1;
    for (String frame : frames) {
      assertTrue(frame.length() <= 99, "fits 100 columns (" + frame.length() + "): " + frame);
      Matcher m = FRAME.matcher(frame);
      assertTrue(m.matches() && m.group(2) != null, "a bar: " + frame);
      assertTrue(m.group(2).length() >= 19, "a bar of a fifth of the line at least: " + frame);
      int p = Integer.parseInt(m.group(1));
      assertTrue(p >= percent, "never goes back: " + frames);
      percent = p;
    }
    String last = frames.get(frames.size() - 1);
    Matcher m = FRAME.matcher(last);
    assertTrue(m.matches(), last);
    assertEquals("100", m.group(1), "ends at 100%: " + last);
    assertTrue(m.group(2).matches("=+"), "ends full: " + last);
    assertTrue(last.contains("12000/12000 it"), last);
  }

  @Test
  void aNarrowerTerminalGetsNarrowerFrames() throws Exception {
    // resized once the first checkpoint (iteration 5000 of 40000) is written, mid-run; the
    // background job reads /dev/null unless told the terminal, as POSIX shells do
    Path out = work.resolve("out");
    String script =
        "stty cols 120 rows 30; (while ! ls "
            + out
            + "/checkpoints/checkpoint-* >/dev/null 2>&1; do sleep 0.1; done; stty cols 72 </dev/tty) & exec "
            + w2v()
            + " train --iterations 40000 --out "
            + out;
    List<String> frames = frames(terminal(script));
    assertTrue(frames.stream().anyMatch(f -> f.length() > 71), "wide frames first: " + frames);
    String last = frames.get(frames.size() - 1);
    assertTrue(last.length() <= 71, "the last frame fits 72 columns: " + last);
    assertTrue(last.startsWith("training 100% ["), last);
    for (String frame : frames) {
      assertTrue(frame.length() <= 119, frame);
    }
  }

  private static String w2v() {
    return Path.of(System.getProperty("w2v.home", ".."))
        .toAbsolutePath()
        .normalize()
        .resolve("w2v")
        .toString();
  }

  /** What a terminal received while {@code sh -c script} ran in it. */
  private String terminal(String script) throws Exception {
    Process p =
        new ProcessBuilder("/usr/bin/script", "-qefc", script, "/dev/null")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "w2v under script did not finish");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  /** The progress frames, escape sequences removed, in the order drawn. */
  private static List<String> frames(String terminal) {
    List<String> frames = new ArrayList<>();
    for (String piece : terminal.replaceAll("\033\\[[?0-9;]*[A-Za-z]", "").split("[\r\n]")) {
      if (FRAME.matcher(piece).matches()) {
        frames.add(piece);
      }
    }
    assertTrue(!frames.isEmpty(), "no progress frame in: " + terminal);
    return frames;
  }
}
