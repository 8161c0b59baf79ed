package dev.w2v.core.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {

  @TempDir Path dir;

  private Path file(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  private Path file(String name, String content) throws IOException {
    return file(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void sstVocabularyIsInOrderOfFirstAppearanceThenUnk() throws IOException {
    Path p = file("s.txt", "sentence_index\tsentence\n1\tThe cat saw the Dog\n2\ta dog\n");
    Corpus c = CorpusReader.read(p, CorpusFormat.AUTO, true);
    Vocabulary v = c.vocabulary();
    assertEquals(List.of("the", "cat", "saw", "dog", "a", "UNK"), v.words());
    assertEquals(2, v.count(0));
    assertEquals(2, v.count(3));
    assertEquals(1, v.count(5));
    // CS224n counts UNK's one occurrence in the total.
    assertEquals(8, v.totalCount());
    assertArrayEquals(new int[] {0, 1, 2, 0, 3}, c.sentences().get(0));
    assertArrayEquals(new int[] {4, 3}, c.sentences().get(1));
  }

  @Test
  void plainTextIsOneSentencePerLineWithOptionalLowercasing() throws IOException {
    Path p = file("t.txt", "Hello  World\n\nhello\tthere\n");
    Corpus lower = CorpusReader.read(p, CorpusFormat.AUTO, true);
    assertEquals(List.of("hello", "world", "there", "UNK"), lower.vocabulary().words());
    assertEquals(3, lower.sentences().size());
    assertEquals(0, lower.sentences().get(1).length);
    Corpus asIs = CorpusReader.read(p, CorpusFormat.TEXT, false);
    assertEquals(List.of("Hello", "World", "hello", "there", "UNK"), asIs.vocabulary().words());
  }

  @Test
  void malformedUtf8NamesTheFileAndLine() throws IOException {
    byte[] bad = {'o', 'k', '\n', 'f', 'i', 'n', 'e', '\n', 'b', (byte) 0xC3, (byte) 0x28, '\n'};
    Path p = file("bad.txt", bad);
    W2vException e =
        assertThrows(W2vException.class, () -> CorpusReader.read(p, CorpusFormat.TEXT, true));
    assertTrue(
        e.getMessage().contains("bad.txt") && e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void aMissingOrEmptyCorpusIsAClearError() throws IOException {
    W2vException missing =
        assertThrows(
            W2vException.class,
            () -> CorpusReader.read(dir.resolve("none.txt"), CorpusFormat.AUTO, true));
    assertTrue(
        missing.getMessage().contains("none.txt")
            && missing.getMessage().contains("does not exist"));
    Path empty = file("empty.txt", "\n \n");
    W2vException none =
        assertThrows(W2vException.class, () -> CorpusReader.read(empty, CorpusFormat.AUTO, true));
    assertTrue(none.getMessage().contains("holds no words"), none.getMessage());
  }

  @Test
  void anSstLineWithoutATabIsNamed() throws IOException {
    Path p = file("s.txt", "sentence_index\tsentence\n1\tfine\nno tab here\n");
    W2vException e =
        assertThrows(W2vException.class, () -> CorpusReader.read(p, CorpusFormat.SST, true));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void readsTheBundledSstCorpus() {
    Path sst = Path.of("../data/sst/datasetSentences.txt");
    Corpus c = CorpusReader.read(sst, CorpusFormat.AUTO, true);
    assertEquals(11855, c.sentences().size());
    assertEquals("UNK", c.vocabulary().word(c.vocabulary().size() - 1));
    assertEquals("the", c.vocabulary().word(0));
  }
}
