package dev.w2v.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process with SIGKILL while it writes checkpoints, at several moments, and checks that the
 * newest checkpoint left behind is always whole: the atomic write never exposes a torn file.
 */
class CheckpointCrashIT {

  @TempDir Path folder;

  @Test
  void aKilledWriterAlwaysLeavesAWholeCheckpoint() throws Exception {
    for (int round = 0; round < 5; round++) {
      Path dir = folder.resolve("round" + round);
      Process writer =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CheckpointWriterProcess.class.getName(),
                  dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      CheckpointStore store = new CheckpointStore(dir, 3);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (store.files().size() < 2 && System.nanoTime() < deadline && writer.isAlive()) {
        Thread.sleep(20);
      }
      // Kill at a different point of a write each round.
      Thread.sleep(37L * round);
      writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

      List<String> warnings = new ArrayList<>();
      Checkpoint newest = store.loadNewest(warnings::add).orElseThrow().checkpoint();
      assertEquals(List.of(), warnings, "no checkpoint file is torn");
      float[] matrix = newest.matrices().get(0);
      for (float value : matrix) {
        if (value != newest.position()) {
          throw new AssertionError(
              "checkpoint " + newest.position() + " holds a value of " + value);
        }
      }
      assertTrue(newest.position() >= 2);
    }
  }
}
