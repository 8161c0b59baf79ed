package dev.w2v.runner.train;

import dev.w2v.core.W2vException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

  /**
   * Deletes the temporary files an interrupted run left (outputs and checkpoints are written to
   * {@code *.tmp} and renamed): under the folder's lock no other run is writing them.
   *
   * @return the files deleted
   */
  public List<Path> removeStaleTemporaries() {
    List<Path> removed = new ArrayList<>();
    for (Path folder : List.of(path, path.resolve("checkpoints"))) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (file.getFileName().toString().endsWith(".tmp") && Files.isRegularFile(file)) {
            Files.deleteIfExists(file);
            removed.add(file);
          }
        }
      } catch (IOException e) {
        throw new W2vException("cannot clean " + folder + ": " + e.getMessage());
      }
    }
    return removed;
  }

  public Path resolve(String name) {
    return path.resolve(name);
  }
}
