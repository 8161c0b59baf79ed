package dev.w2v.core.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFilesTest {

  @TempDir Path dir;

  /** Random vectors whose values span many magnitudes, including subnormals and -0.0. */
  private static WordVectors randomVectors(int v, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = new float[v * d];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-40, 30)));
    }
    data[0] = -0.0f;
    data[1] = Float.MIN_VALUE;
    data[2] = Float.MAX_VALUE;
    List<String> words = new java.util.ArrayList<>();
    for (int i = 0; i < v; i++) {
      words.add(i % 3 == 0 ? "wörd" + i : i % 3 == 1 ? "日本" + i : "w" + i);
    }
    return WordVectors.of(words, d, data);
  }

  private static void assertBitEqual(WordVectors expected, WordVectors actual) {
    assertEquals(expected.words(), actual.words());
    assertEquals(expected.dim(), actual.dim());
    float[] e = expected.data();
    float[] a = actual.data();
    assertEquals(e.length, a.length);
    for (int i = 0; i < e.length; i++) {
      assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), "value " + i);
    }
  }

  @Test
  void binaryRoundTripIsBitExact() {
    WordVectors original = randomVectors(200, 7, 1);
    Path file = dir.resolve("v.bin");
    VectorFileWriter.write(original, file, VectorFormat.BINARY);
    assertEquals(VectorFormat.BINARY, VectorFileReader.detect(file));
    assertBitEqual(original, VectorFileReader.read(file));
  }

  @Test
  void textRoundTripIsExactInFloat32() {
    WordVectors original = randomVectors(200, 7, 2);
    Path file = dir.resolve("v.txt");
    VectorFileWriter.write(original, file, VectorFormat.TEXT);
    assertEquals(VectorFormat.TEXT, VectorFileReader.detect(file));
    assertBitEqual(original, VectorFileReader.read(file));
  }

  @Test
  void binaryLayoutIsWord2vecC() throws IOException {
    WordVectors v = WordVectors.of(List.of("a", "é"), 2, new float[] {1f, -2f, 0.5f, 3f});
    Path file = dir.resolve("v.bin");
    VectorFileWriter.write(v, file, VectorFormat.BINARY);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes("2 2\n".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer row = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    expected.writeBytes("a ".getBytes(StandardCharsets.UTF_8));
    expected.writeBytes(row.putFloat(1f).putFloat(-2f).array());
    expected.write('\n');
    expected.writeBytes("é ".getBytes(StandardCharsets.UTF_8));
    row.clear();
    expected.writeBytes(row.putFloat(0.5f).putFloat(3f).array());
    expected.write('\n');
    assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
  }

  @Test
  void readsGensimStyleBinaryWithoutRowNewlinesAndTextWithTrailingSpaces() throws IOException {
    ByteArrayOutputStream bin = new ByteArrayOutputStream();
    bin.writeBytes("2 1\n".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer f = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    bin.writeBytes("x ".getBytes(StandardCharsets.UTF_8));
    bin.writeBytes(f.putFloat(0, 1.5f).array());
    bin.writeBytes("y ".getBytes(StandardCharsets.UTF_8));
    bin.writeBytes(f.putFloat(0, -4f).array());
    Path b = dir.resolve("g.bin");
    Files.write(b, bin.toByteArray());
    WordVectors fromBinary = VectorFileReader.read(b, VectorFormat.BINARY);
    assertEquals(List.of("x", "y"), fromBinary.words());
    assertEquals(-4f, fromBinary.get(1, 0));

    Path t = dir.resolve("c.txt");
    Files.writeString(t, "2 2\nx 1.000000 2.500000 \ny -1 3e-2 \n");
    WordVectors fromText = VectorFileReader.read(t);
    assertEquals(0.03f, fromText.get(1, 1));
    assertEquals(1, fromText.rowOf("y"));
  }

  private W2vException readFails(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    W2vException e = assertThrows(W2vException.class, () -> VectorFileReader.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e;
  }

  private W2vException textFails(String content) throws IOException {
    return readFails("bad.txt", content.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertContains(W2vException e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + p + "' missing in: " + e.getMessage());
    }
  }

  @Test
  void textWithFewerRowsThanHeaderNamesTheLine() throws IOException {
    assertContains(textFails("3 2\na 1 2\nb 3 4\n"), "line 4", "after 2 of the 3 words");
  }

  @Test
  void textWithMoreRowsThanHeaderNamesTheLine() throws IOException {
    assertContains(textFails("1 2\na 1 2\nb 3 4\n"), "line 3", "more rows than the 1 words");
  }

  @Test
  void textWithTooFewValuesOnALine() throws IOException {
    assertContains(textFails("2 3\na 1 2 3\nb 3 4\n"), "line 3", "'b' has 2 values", "announces 3");
  }

  @Test
  void textWithTooManyValuesOnALine() throws IOException {
    assertContains(textFails("2 2\na 1 2\nb 3 4 5\n"), "line 3", "more than the 2 values");
  }

  @Test
  void textTruncatedInsideALine() throws IOException {
    assertContains(textFails("2 3\na 1 2 3\nb 3"), "line 3", "'b' has 1 values");
  }

  @Test
  void nonNumericValue() throws IOException {
    assertContains(textFails("1 2\na 1 1.2.3\n"), "line 2", "value 2", "'1.2.3', not a number");
    Path file = writeFile("x.txt", "1 2\na 1 x2\n".getBytes(StandardCharsets.UTF_8));
    W2vException e =
        assertThrows(W2vException.class, () -> VectorFileReader.read(file, VectorFormat.TEXT));
    assertContains(e, "line 2", "'x2', not a number");
  }

  @Test
  void nanAndInfinityInText() throws IOException {
    assertContains(textFails("2 2\na 1 2\nb NaN 1\n"), "line 3", "value 1 of word 'b' is NaN");
    assertContains(textFails("1 2\na 1 -Infinity\n"), "line 2", "-Infinity", "finite");
    assertContains(textFails("1 1\na 1e39\n"), "line 2", "Infinity");
  }

  @Test
  void duplicateWordsInText() throws IOException {
    assertContains(
        textFails("3 1\na 1\nb 2\na 3\n"), "line 4", "duplicate word 'a'", "row 1", "row 3");
  }

  @Test
  void invalidUtf8InText() throws IOException {
    byte[] content = {'1', ' ', '1', '\n', 'a', (byte) 0xC3, (byte) 0x28, ' ', '1', '\n'};
    assertContains(readFails("bad.txt", content), "line 2", "not valid UTF-8", "61c328");
  }

  @Test
  void malformedHeader() throws IOException {
    assertContains(textFails("hello world\n"), "line 1", "'hello world' is not 'V d'");
    assertContains(textFails("3\na 1\n"), "line 1", "not 'V d'");
    assertContains(textFails("2 0\n"), "line 1", "dimension 0");
  }

  @Test
  void hugeHeaderIsRefusedBeforeAllocating() throws IOException {
    assertContains(
        textFails("1000000000000 300\na 1\n"),
        "line 1",
        "1000000000000 words",
        "more than one Java array holds");
    assertContains(
        textFails("10 1000000000\na 1\n"),
        "line 1",
        "10 words x 1000000000",
        "more than one Java array holds");
    // fits in an array but not in a 30-byte file
    assertContains(
        textFails("1000000 300\na 1\n"),
        "line 1",
        "needs at least 601000000 bytes",
        "text layout",
        "truncated");
  }

  private static byte[] binaryFile(String header, Object... rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    for (Object row : rows) {
      if (row instanceof byte[] bytes) {
        out.writeBytes(bytes);
      } else if (row instanceof Float f) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(f).array());
      } else {
        out.writeBytes(((String) row).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  @Test
  void binaryTruncatedInsideAVectorNamesTheOffset() throws IOException {
    // header 4 bytes, "a " 2, four floats 16, "\n" 1, "b " 2, three floats 12: value 4 at 37
    byte[] content =
        binaryFile("2 4\n", "a ", 1f, 2f, 3f, 4f, "\n", "b ", 5f, 6f, 7f, new byte[] {1, 2});
    assertContains(
        readFails("t.bin", content),
        "byte offset 37",
        "inside the vector of word 2",
        "'b'",
        "3 of 4 values");
  }

  @Test
  void binaryWithFewerRowsThanHeader() throws IOException {
    byte[] content = binaryFile("3 1\n", "a ", 1f, "\n", "b ", 2f, "\n", "c ", 3f, "\n");
    // 4 words announced, 3 present, padded so the minimum-size check (4 * 6 bytes) passes;
    // the padding is read as a fourth word that never meets its space: end of file at byte 32
    byte[] moreAnnounced =
        binaryFile("4 1\n", "a ", 1f, "\n", "b ", 2f, "\n", "c ", 3f, "\n", "ddddddd");
    assertContains(readFails("f.bin", moreAnnounced), "byte offset 32", "after 3 of the 4 words");
    assertEquals(3, VectorFileReader.read(writeFile("ok.bin", content)).size());
  }

  private Path writeFile(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  @Test
  void binaryWithMoreRowsThanHeader() throws IOException {
    byte[] content = binaryFile("1 1\n", "a ", 1f, "\n", "b ", 2f, "\n");
    assertContains(readFails("m.bin", content), "byte offset 11", "more data than the 1 words");
  }

  @Test
  void binaryNanNamesTheOffsetOfTheValue() throws IOException {
    byte[] content = binaryFile("1 2\n", "a ", 1f, Float.NaN, "\n");
    assertContains(readFails("n.bin", content), "byte offset 10", "value 2 of word 'a' is NaN");
  }

  @Test
  void binaryInvalidUtf8AndDuplicates() throws IOException {
    byte[] badWord = binaryFile("1 1\n", new byte[] {(byte) 0xFF, ' '}, 1f, "\n");
    assertContains(readFails("u.bin", badWord), "byte offset 4", "not valid UTF-8", "ff");
    byte[] dup = binaryFile("2 1\n", "a ", 1f, "\n", "a ", 2f, "\n");
    assertContains(readFails("d.bin", dup), "byte offset 11", "duplicate word 'a'");
  }

  @Test
  void binaryHugeHeaderIsRefused() throws IOException {
    byte[] content = binaryFile("100 3\n", "a ", 1f, 2f, 3f, "\n");
    assertContains(
        readFails("h.bin", content), "line 1", "needs at least 1400 bytes", "binary layout");
  }

  @Test
  void missingFileSaysSo() {
    W2vException e =
        assertThrows(W2vException.class, () -> VectorFileReader.read(dir.resolve("nope.bin")));
    assertContains(e, "nope.bin", "does not exist");
  }

  @Test
  void unitNormalizedRowsHaveLengthOneAndZeroRowsStayZero() {
    WordVectors v = WordVectors.of(List.of("a", "b"), 2, new float[] {3f, 4f, 0f, 0f});
    WordVectors u = v.unitNormalized();
    assertEquals(0.6f, u.get(0, 0), 1e-7);
    assertEquals(0.8f, u.get(0, 1), 1e-7);
    assertEquals(0f, u.get(1, 0));
    assertEquals(3f, v.get(0, 0), "the original is unchanged");
    assertEquals(4f, v.vector(0).get(1));
  }

  @Test
  void duplicateWordsInTheFactoryAreRefused() {
    assertThrows(W2vException.class, () -> WordVectors.of(List.of("a", "a"), 1, new float[2]));
  }

  @Test
  void wordsWithSpacesCannotBeWritten() {
    WordVectors v = WordVectors.of(List.of("a b"), 1, new float[1]);
    W2vException e =
        assertThrows(
            W2vException.class,
            () -> VectorFileWriter.write(v, dir.resolve("x.txt"), VectorFormat.TEXT));
    assertContains(e, "'a b'", "no space");
  }
}
