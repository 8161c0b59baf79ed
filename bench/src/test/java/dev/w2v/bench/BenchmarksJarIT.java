package dev.w2v.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged benchmarks.jar runs and holds every benchmark the README tells people to run. */
class BenchmarksJarIT {

  @Test
  void listsTheKernelAndTrainingStepBenchmarks() throws Exception {
    Path jar = Path.of(System.getProperty("benchmarks.jar"));
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "-l")
            .redirectErrorStream(true)
            .start();
    String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), listing);
    for (String benchmark :
        List.of(
            "VectorMathBenchmark.dot",
            "VectorMathBenchmark.axpy",
            "ScalarVectorMathBenchmark",
            "TrainingStepBenchmark")) {
      assertTrue(listing.contains(benchmark), benchmark + " missing from:\n" + listing);
    }
  }
}
