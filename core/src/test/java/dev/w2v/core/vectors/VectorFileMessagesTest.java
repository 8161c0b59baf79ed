package dev.w2v.core.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.w2v.core.W2vException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFileMessagesTest {

  @TempDir Path dir;

  /** Found by the reliability suite: a word holding a newline broke the one-line message. */
  @Test
  void aWordWithAControlCharacterIsEscapedInTheMessage() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("2 1\n".getBytes(StandardCharsets.US_ASCII));
    for (int row = 0; row < 2; row++) {
      bytes.write("ab\ncd\t".getBytes(StandardCharsets.UTF_8));
      bytes.write(' ');
      bytes.write(new byte[] {0, 0, (byte) 0x80, 0x3f});
      bytes.write('\n');
    }
    Path file = Files.write(dir.resolve("twice.bin"), bytes.toByteArray());
    W2vException e =
        assertThrows(W2vException.class, () -> VectorFileReader.read(file, VectorFormat.BINARY));
    assertEquals(
        "vector file "
            + file
            + ", byte offset 16: duplicate word 'ab\\ncd\\u0009' (first at row 1,"
            + " again at row 2): each word must appear once",
        e.getMessage());
  }
}
