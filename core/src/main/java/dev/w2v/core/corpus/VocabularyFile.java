package dev.w2v.core.corpus;

import dev.w2v.core.W2vException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The vocabulary as word2vec C's {@code -save-vocab} writes it: one {@code word count} line per
 * word, in vocabulary order (most frequent first for every trainer but CS224n's), UTF-8. Unlike
 * word2vec C's, it has no {@code </s>} line: w2v has no such token.
 */
public final class VocabularyFile {

  private VocabularyFile() {}

  /**
   * Writes {@code vocabulary} to {@code file}, replacing it once complete.
   *
   * @throws W2vException if it cannot be written
   */
  public static void write(Vocabulary vocabulary, Path file) {
    Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer out =
          new BufferedWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8), 1 << 16)) {
        for (int i = 0; i < vocabulary.size(); i++) {
          out.write(vocabulary.word(i));
          out.write(' ');
          out.write(Long.toString(vocabulary.count(i)));
          out.write('\n');
        }
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // The original failure is the one to report.
      }
      throw new W2vException(
          "cannot write the vocabulary to " + file + ": " + e.getMessage() + "; check save-vocab");
    }
  }
}
