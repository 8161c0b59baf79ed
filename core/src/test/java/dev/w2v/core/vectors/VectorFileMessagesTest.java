package dev.w2v.core.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /** Found again by the reliability suite: the non-finite and truncation messages quoted raw. */
  @Test
  void aWordWithANewlineIsEscapedInEveryBinaryMessage() throws Exception {
    byte[] nan = {0, 0, (byte) 0xc0, 0x7f};
    Path bad = Files.write(dir.resolve("nan.bin"), binary("2 1\n", "x\ny", nan));
    W2vException e =
        assertThrows(W2vException.class, () -> VectorFileReader.read(bad, VectorFormat.BINARY));
    assertEquals(
        "vector file "
            + bad
            + ", byte offset 8: value 1 of word 'x\\ny' is NaN; vectors must be finite"
            + " (was training diverging?)",
        e.getMessage());

    Path cut = Files.write(dir.resolve("cut.bin"), binary("1 2\n", "x\ny", new byte[] {0, 0}));
    e = assertThrows(W2vException.class, () -> VectorFileReader.read(cut, VectorFormat.BINARY));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains("'x\\ny'"), e.getMessage());
  }

  @Test
  void aWordWithANewlineIsEscapedInEveryTextMessage() throws Exception {
    Path bad =
        Files.write(dir.resolve("nan.txt"), "1 1\nx\u0007y NaN\n".getBytes(StandardCharsets.UTF_8));
    W2vException e =
        assertThrows(W2vException.class, () -> VectorFileReader.read(bad, VectorFormat.TEXT));
    assertTrue(e.getMessage().contains("'x\\u0007y'"), e.getMessage());
  }

  private static byte[] binary(String header, String word, byte[] values) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(header.getBytes(StandardCharsets.US_ASCII));
    bytes.write(word.getBytes(StandardCharsets.UTF_8));
    bytes.write(' ');
    bytes.write(values);
    return bytes.toByteArray();
  }
}
