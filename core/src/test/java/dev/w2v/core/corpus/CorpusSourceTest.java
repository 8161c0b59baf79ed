package dev.w2v.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one corpus reader: formats, UTF-8 policy, compression, folders, standard input. */
class CorpusSourceTest {

  @TempDir Path dir;

  /** Every sentence as its tokens. */
  private static List<List<String>> sentences(CorpusSource source) {
    List<List<String>> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    source.read(
        new TokenVisitor() {
          @Override
          public void token(String token) {
            current.add(token);
          }

          @Override
          public void endOfSentence() {
            out.add(List.copyOf(current));
            current.clear();
          }
        });
    assertTrue(current.isEmpty(), "tokens after the last sentence end: " + current);
    return out;
  }

  private Path file(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    return p;
  }

  private Path file(String name, String content) throws IOException {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static CorpusSource text(Path p) {
    return CorpusSource.of(p, CorpusFormat.TEXT, false);
  }

  private W2vException failure(byte[] content) throws IOException {
    Path p = file("bad.txt", content);
    return assertThrows(W2vException.class, () -> sentences(text(p)));
  }

  @Test
  void plainTextIsOneSentencePerLineSplitOnAsciiWhitespace() throws IOException {
    Path p = file("t.txt", "Hello  World\n\n\t \nhello\tthere\r\nlast line without end");
    assertEquals(
        List.of(
            List.of("Hello", "World"),
            List.of("hello", "there"),
            List.of("last", "line", "without", "end")),
        sentences(text(p)));
    assertEquals(
        List.of("hello", "world"), sentences(CorpusSource.of(p, CorpusFormat.TEXT, true)).get(0));
  }

  @Test
  void sstIsDetectedByItsHeaderAndItsIndexFieldDropped() throws IOException {
    Path p = file("s.txt", "sentence_index\tsentence\n1\tThe cat saw\n\n2\ta dog\n");
    List<List<String>> expected = List.of(List.of("the", "cat", "saw"), List.of("a", "dog"));
    assertEquals(expected, sentences(CorpusSource.of(p, CorpusFormat.AUTO, true)));
    assertEquals(expected, sentences(CorpusSource.of(p, CorpusFormat.SST, true)));
    // Read as text, the header and the indices are words like any other.
    assertEquals(
        List.of("sentence_index", "sentence"),
        sentences(CorpusSource.of(p, CorpusFormat.TEXT, true)).get(0));
  }

  @Test
  void anSstLineWithoutATabIsNamed() throws IOException {
    Path p = file("s.txt", "sentence_index\tsentence\n1\tfine\nno tab here\n");
    W2vException e =
        assertThrows(
            W2vException.class, () -> sentences(CorpusSource.of(p, CorpusFormat.SST, true)));
    assertTrue(e.getMessage().contains("s.txt, line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("corpus-format=text"), e.getMessage());
  }

  @Test
  void invalidUtf8NamesTheFileTheLineAndTheByteOffset() throws IOException {
    byte[] bad = {'o', 'k', '\n', 'f', 'i', 'n', 'e', '\n', 'b', (byte) 0xC3, (byte) 0x28, '\n'};
    W2vException e = failure(bad);
    assertTrue(e.getMessage().contains("bad.txt, line 3, byte offset 9"), e.getMessage());
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    assertTrue(e.getMessage().contains("0x28"), e.getMessage());
  }

  @Test
  void everyKindOfMalformedUtf8IsRefused() throws IOException {
    byte[][] cases = {
      {(byte) 0x80}, // continuation without a start
      {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
      {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong three-byte form
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
      {(byte) 0xFF},
      {'a', (byte) 0xE2, (byte) 0x82}, // truncated at the end of the file
      {'a', 0, 'b'}, // NUL: binary data
    };
    for (byte[] bytes : cases) {
      W2vException e = failure(bytes);
      assertTrue(e.getMessage().contains("bad.txt, line 1"), e.getMessage());
    }
  }

  @Test
  void validMultiByteTextSurvivesBufferBoundaries() throws IOException {
    // Tokens of 2-, 3- and 4-byte characters written past the 64 KiB read buffer several times.
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    String[] words = {"café", "naïve", "日本語", "😀x", "plain"};
    for (int i = 0; i < 40_000; i++) {
      String w = words[i % words.length] + i;
      expected.add(w);
      text.append(w).append(i % 50 == 49 ? '\n' : ' ');
    }
    List<String> read = new ArrayList<>();
    sentences(text(file("big.txt", text.toString()))).forEach(read::addAll);
    assertEquals(expected, read);
  }

  @Test
  void aLineOfAnyLengthIsReadWithoutHoldingIt() throws IOException {
    // 3 million tokens on one line: read as a stream, cut later into sentences of 1000.
    Path p = dir.resolve("one-line.txt");
    try (OutputStream out = Files.newOutputStream(p)) {
      byte[] chunk = "a b c d e f g h i j ".getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 300_000; i++) {
        out.write(chunk);
      }
    }
    long[] tokens = new long[2];
    text(p)
        .read(
            new TokenVisitor() {
              @Override
              public void token(String token) {
                tokens[0]++;
              }

              @Override
              public void endOfSentence() {
                tokens[1]++;
              }
            });
    assertEquals(3_000_000, tokens[0]);
    assertEquals(1, tokens[1]);
  }

  @Test
  void aTokenLongerThanAnyWordIsRefused() throws IOException {
    byte[] blob = new byte[TextTokenizer.MAX_TOKEN_BYTES + 10];
    java.util.Arrays.fill(blob, (byte) 'x');
    W2vException e = failure(blob);
    assertTrue(e.getMessage().contains("a token longer than"), e.getMessage());
  }

  @Test
  void gzipIsRecognisedByItsBytesWhateverTheName() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("compressed words here\nsecond line\n".getBytes(StandardCharsets.UTF_8));
    }
    Path named = file("corpus.txt", bytes.toByteArray());
    assertEquals(
        List.of(List.of("compressed", "words", "here"), List.of("second", "line")),
        sentences(text(named)));
    byte[] truncated = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
    Path half = file("half.gz", truncated);
    W2vException e = assertThrows(W2vException.class, () -> sentences(text(half)));
    assertTrue(e.getMessage().contains("half.gz"), e.getMessage());
  }

  @Test
  void otherCompressionsAreRefusedWithTheCommandThatUndoesThem() throws IOException {
    Path bz = file("c.bz2", new byte[] {'B', 'Z', 'h', '9', 0x31, 0x41});
    W2vException e = assertThrows(W2vException.class, () -> sentences(text(bz)));
    assertTrue(
        e.getMessage().contains("bzip2") && e.getMessage().contains("bunzip2"), e.getMessage());
  }

  @Test
  void aFolderIsEveryFileBelowItInPathOrder() throws IOException {
    file("texts/b.txt", "second\n");
    file("texts/a.txt", "first\n");
    file("texts/sub/c.txt", "third\n");
    CorpusSource source =
        CorpusSource.of(List.of(dir.resolve("texts").toString()), CorpusFormat.TEXT, false);
    assertEquals(List.of(List.of("first"), List.of("second"), List.of("third")), sentences(source));
  }

  @Test
  void missingPathsAndEmptyFoldersAreClearErrors() throws IOException {
    W2vException missing =
        assertThrows(
            W2vException.class,
            () ->
                CorpusSource.of(
                    List.of(dir.resolve("none.txt").toString()), CorpusFormat.AUTO, true));
    assertTrue(missing.getMessage().contains("none.txt does not exist"), missing.getMessage());
    Files.createDirectories(dir.resolve("empty"));
    W2vException empty =
        assertThrows(
            W2vException.class,
            () ->
                CorpusSource.of(List.of(dir.resolve("empty").toString()), CorpusFormat.AUTO, true));
    assertTrue(empty.getMessage().contains("holds no file"), empty.getMessage());
    W2vException twice =
        assertThrows(
            W2vException.class, () -> CorpusSource.of(List.of("-", "-"), CorpusFormat.TEXT, true));
    assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
  }

  @Test
  void standardInputIsReadOnce() {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream("from stdin\n".getBytes(StandardCharsets.UTF_8)));
      CorpusSource source = CorpusSource.of(List.of("-"), CorpusFormat.AUTO, false);
      assertEquals(false, source.rereadable());
      assertEquals(List.of(List.of("from", "stdin")), sentences(source));
      assertThrows(W2vException.class, () -> sentences(source));
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void remoteUrisAreKeptForADistributedTrainerAndRefusedWhenReadLocally() throws IOException {
    Path local = file("local.txt", "here\n");
    CorpusSource source =
        CorpusSource.of(
            List.of("hdfs://namenode/corpus", local.toUri().toString()), CorpusFormat.TEXT, false);
    assertTrue(source.remote());
    assertEquals("hdfs://namenode/corpus", source.paths().get(0));
    W2vException e = assertThrows(W2vException.class, () -> sentences(source));
    assertTrue(e.getMessage().contains("--trainer spark"), e.getMessage());
    // file: URIs are local paths.
    assertEquals(
        List.of(List.of("here")),
        sentences(CorpusSource.of(List.of(local.toUri().toString()), CorpusFormat.TEXT, false)));
  }

  @Test
  void linesGivenByAProgramAreReadAsText() {
    CorpusSource source = CorpusSource.ofLines(List.of("The first", "", "and the Second"), true);
    assertEquals(
        List.of(List.of("the", "first"), List.of("and", "the", "second")), sentences(source));
    assertTrue(source.rereadable());
  }

  @Test
  void aStreamOfTextIsReadWithTheSamePolicyAndNamedInErrors() {
    byte[] text = "SST sentence_index\n\u00e9t\u00e9 Here\n".getBytes(StandardCharsets.UTF_8);
    CorpusSource source =
        CorpusSource.ofStream(
            "corpus hdfs://nn/c.txt from byte 42",
            () -> new ByteArrayInputStream(text),
            CorpusFormat.TEXT,
            true);
    assertEquals(
        List.of(List.of("sst", "sentence_index"), List.of("\u00e9t\u00e9", "here")),
        sentences(source));
    assertTrue(source.rereadable());
    assertEquals("corpus hdfs://nn/c.txt from byte 42", source.description());
    // Bytes that look like gzip are text here: the stream is never decompressed, and bad UTF-8
    // is named with the stream's name and line.
    byte[] bad = {'o', 'k', '\n', (byte) 0x1F, (byte) 0x8B, '\n'};
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                sentences(
                    CorpusSource.ofStream(
                        "part 7", () -> new ByteArrayInputStream(bad), CorpusFormat.TEXT, false)));
    assertTrue(
        e.getMessage().startsWith("part 7, line 2, byte offset 4: byte 0x8B"), e.getMessage());
  }
}
