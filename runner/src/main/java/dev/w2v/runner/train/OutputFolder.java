package dev.w2v.runner.train;

import dev.w2v.core.W2vException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder a run writes into, checked for writing before any work starts. */
public record OutputFolder(Path path) {

  /**
   * Creates the folder if needed and proves it writable.
   *
   * @throws W2vException naming the folder when it cannot be written
   */
  public static OutputFolder prepare(Path path) {
    try {
      Files.createDirectories(path);
      Path probe = Files.createTempFile(path, ".w2v-write-test", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new W2vException(
          "cannot write to the output folder "
              + path
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); choose another with --out");
    }
    return new OutputFolder(path);
  }

  public Path resolve(String name) {
    return path.resolve(name);
  }
}
