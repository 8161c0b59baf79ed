package dev.w2v.core.checkpoint;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes large checkpoints in a loop until killed: the other side of {@link CheckpointCrashIT}.
 * Each checkpoint's matrix is filled with its iteration number, so a reader can tell a torn
 * checkpoint from a whole one.
 */
public final class CheckpointWriterProcess {

  private CheckpointWriterProcess() {}

  public static void main(String[] args) {
    CheckpointStore store = new CheckpointStore(Path.of(args[0]), 3);
    float[] matrix = new float[4_000_000];
    for (long iteration = 1; ; iteration++) {
      java.util.Arrays.fill(matrix, iteration);
      store.save(
          new Checkpoint(
              "crash-test",
              iteration,
              0.1,
              1.0,
              List.of(new long[] {iteration}),
              List.of(matrix),
              List.of(new long[] {iteration, -iteration})));
    }
  }
}
