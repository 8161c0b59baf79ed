package dev.w2v.runner.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.runner.W2vProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar whose loss throws mid-run: the real w2v stops with one line naming the plugin and
 * its jar, the last checkpoint stays intact, and --resume finishes the run once the jar is fixed.
 */
class FaultyPluginIT {

  @TempDir Path work;

  /** A loss J = -log s(u_o . v) that throws after {@code failAfter} calls (never if negative). */
  private static String source(long failAfter) {
    return """
        package test.flaky;
        import dev.w2v.api.*;
        import java.util.List;
        import java.util.random.RandomGenerator;
        public final class Provider implements LossProvider {
          public String name() { return "flaky"; }
          public String description() { return "a loss that may fail"; }
          public List<ParameterSpec> parameters() { return List.of(); }
          public Loss create(LossContext c) { return new FlakyLoss(c.dimension(), c.counts().size()); }
        }
        final class FlakyLoss implements Loss {
          private final int d;
          private final int rows;
          private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
          FlakyLoss(int d, int rows) { this.d = d; this.rows = rows; }
          public int dimension() { return d; }
          public int outputRows() { return rows; }
          static final class S implements Loss.Scratch { final float[] g; S(int d) { g = new float[d]; } }
          public Loss.Scratch newScratch() { return new S(d); }
          public double lossAndGradient(Loss.Scratch scratch, float[] in, int off, int target, float[] out,
              RandomGenerator random, GradientSink sink) {
            if (FAIL_AFTER >= 0 && calls.incrementAndGet() > FAIL_AFTER) {
              throw new IllegalStateException("flaky loss gave up");
            }
            float[] g = ((S) scratch).g;
            float score = VectorMath.dot(out, target * d, in, off, d);
            float c = (float) (Sigmoid.sigmoid(score) - 1);
            VectorMath.zero(g, 0, d);
            VectorMath.axpy(c, out, target * d, g, 0, d);
            sink.outputGradient(target, c, in, off);
            sink.inputGradient(g, 0);
            return -Sigmoid.logSigmoid(score);
          }
          private static final long FAIL_AFTER = %d;
        }
        """
        .formatted(failAfter);
  }

  private Path plugin(String folder, long failAfter) {
    return new PluginJarFactory(work)
        .jar(
            folder + "/flaky.jar",
            Map.of("test.flaky.Provider", source(failAfter)),
            Map.of("dev.w2v.api.LossProvider", "test.flaky.Provider\n"),
            Map.of("W2v-Api-Version", "1.0", "Implementation-Version", "0.0.1"),
            List.of());
  }

  private Path corpus() throws IOException {
    Path corpus = work.resolve("corpus.txt");
    try (var in = FaultyPluginIT.class.getResourceAsStream("/dev/w2v/runner/small-corpus.txt")) {
      Files.copy(in, corpus);
    }
    return corpus;
  }

  @Test
  void aThrowingPluginStopsTheRunNamingItselfAndResumeWorksOnceItIsFixed() throws Exception {
    // At least one pair per context and 50 contexts per iteration: the 10001st call comes after
    // the checkpoint of iteration 100 and before iteration 201.
    Path broken = plugin("broken", 10_000);
    plugin("fixed", -1);
    Path corpus = corpus();
    Path out = work.resolve("out");
    String[] common = {
      "--loss",
      "flaky",
      "--corpus",
      corpus.toString(),
      "--iterations",
      "400",
      "--set",
      "checkpoint-every=100",
      "--out",
      out.toString()
    };

    W2vProcess.Result failed =
        W2vProcess.run(
            work,
            concat(
                new String[] {"train", "--plugin-path", work.resolve("broken").toString()},
                common));
    assertEquals(2, failed.exitCode(), failed.toString());
    // Information lines (the vocabulary's size) do not start with "w2v:"; the error does.
    List<String> errors = failed.err().lines().filter(l -> l.startsWith("w2v: ")).toList();
    assertEquals(1, errors.size(), failed.toString());
    String line = errors.get(0);
    assertTrue(line.contains("loss 'flaky'") && line.contains(broken.toString()), line);
    assertTrue(line.contains("flaky loss gave up") && line.contains("intact"), line);
    assertFalse(line.contains("\tat "), line);
    List<Path> checkpoints;
    try (var files = Files.list(out.resolve("checkpoints"))) {
      checkpoints = files.filter(p -> p.toString().endsWith(".w2vc")).sorted().toList();
    }
    assertFalse(checkpoints.isEmpty());

    W2vProcess.Result verbose =
        W2vProcess.run(
            work,
            "train",
            "--verbose",
            "--plugin-path",
            work.resolve("broken").toString(),
            "--loss",
            "flaky",
            "--corpus",
            corpus.toString(),
            "--iterations",
            "400",
            "--out",
            work.resolve("out-verbose").toString());
    assertTrue(verbose.err().contains("test.flaky.FlakyLoss.lossAndGradient"), verbose.toString());

    W2vProcess.Result resumed =
        W2vProcess.run(
            work,
            concat(
                new String[] {
                  "train", "--resume", "--plugin-path", work.resolve("fixed").toString()
                },
                common));
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.err().contains("resuming from iteration"), resumed.toString());
    assertTrue(resumed.out().contains("after 400 iterations"), resumed.toString());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
