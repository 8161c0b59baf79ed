package dev.w2v.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code gensim_bridge.py} with the system Python ({@code /usr/bin/python3}, where Debian's
 * python3-gensim installs). Tests call {@link #requireGensim()} first, so a machine without gensim
 * skips them with a visible reason instead of passing them silently.
 */
public final class GensimBridge {

  private static final String PYTHON = "/usr/bin/python3";

  private final Path script;

  private GensimBridge(Path script) {
    this.script = script;
  }

  /** Skips the calling test, with the reason, unless gensim imports; else returns a bridge. */
  public static GensimBridge requireGensim(Path workDir) throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of(PYTHON)),
        "skipped: " + PYTHON + " not found; install python3-gensim to run the gensim comparison");
    Process p = new ProcessBuilder(PYTHON, "-c", "import gensim").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean ok = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    Assumptions.assumeTrue(
        ok,
        "skipped: '"
            + PYTHON
            + " -c \"import gensim\"' failed ("
            + out.strip()
            + "); install python3-gensim to run the gensim comparison");
    Path script = workDir.resolve("gensim_bridge.py");
    try (InputStream in =
        GensimBridge.class.getResourceAsStream("/dev/w2v/core/gensim_bridge.py")) {
      Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return new GensimBridge(script);
  }

  /** Runs the script with {@code args}; fails the test on a non-zero exit; returns stdout lines. */
  public List<String> run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile(script.getParent(), "stderr", ".txt");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.MINUTES);
    assertEquals(
        0,
        p.exitValue(),
        () -> "gensim_bridge.py " + String.join(" ", args) + " failed: " + readQuietly(err));
    return out.lines().toList();
  }

  private static String readQuietly(Path file) {
    try {
      String s = Files.readString(file);
      return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    } catch (IOException e) {
      return e.toString();
    }
  }
}
