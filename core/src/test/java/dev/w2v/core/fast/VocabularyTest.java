package dev.w2v.core.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void countsWordsMostFrequentFirstWithTiesInOrderOfFirstAppearance() throws IOException {
    Path file = write("a.txt", "b a c\n a\td  c  b\n\n e a\n");
    Vocabulary v = Vocabulary.count(TextCorpus.of(List.of(file), false), 1, 100);
    assertEquals(List.of("a", "b", "c", "d", "e"), v.words());
    assertEquals(3, v.count(0));
    assertEquals(2, v.count(1));
    assertEquals(2, v.count(2));
    assertEquals(1, v.count(3));
    assertEquals(9, v.trainWords());
    assertEquals(9, v.tokensRead());
    assertEquals(2, v.indexOf("c"));
    assertEquals(-1, v.indexOf("zzz"));
  }

  @Test
  void minCountDropsRareWords() throws IOException {
    Path file = write("a.txt", "x y x z x y\n");
    Vocabulary v = Vocabulary.count(TextCorpus.of(List.of(file), false), 2, 100);
    assertEquals(List.of("x", "y"), v.words());
    assertEquals(5, v.trainWords());
    assertEquals(6, v.tokensRead());
  }

  @Test
  void lowercasingIsConfigurableAndAFolderIsReadInPathOrder() throws IOException {
    write("corpus/2.txt", "The the\n");
    write("corpus/1.txt", "THE Cat");
    Vocabulary kept =
        Vocabulary.count(TextCorpus.of(List.of(dir.resolve("corpus")), false), 1, 100);
    assertEquals(List.of("THE", "Cat", "The", "the"), kept.words());
    Vocabulary lower =
        Vocabulary.count(TextCorpus.of(List.of(dir.resolve("corpus")), true), 1, 100);
    assertEquals(List.of("the", "cat"), lower.words());
    assertEquals(3, lower.count(0));
  }

  @Test
  void utf8WordsAndAnyWhitespaceSeparateTokens() throws IOException {
    Path file = write("u.txt", "naïve\u2003café naïve\r\nÉtude\n");
    Vocabulary v = Vocabulary.count(TextCorpus.of(List.of(file), true), 1, 100);
    assertEquals(List.of("naïve", "café", "étude"), v.words());
  }

  @Test
  void pruningKeepsMemoryBoundedAndFrequentWordsSurvive() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      text.append("common ").append("rare").append(i).append(i % 2 == 0 ? " often\n" : "\n");
    }
    Path file = write("big.txt", text.toString());
    Vocabulary v = Vocabulary.count(TextCorpus.of(List.of(file), false), 1, 50);
    assertTrue(v.prunings() > 0, "pruned " + v.prunings());
    assertTrue(v.size() <= 51, "size " + v.size());
    assertEquals("common", v.word(0));
    assertEquals(2000, v.count(0));
    assertEquals("often", v.word(1));
    assertEquals(1000, v.count(1));
    // Without a limit every word is kept.
    Vocabulary all = Vocabulary.count(TextCorpus.of(List.of(file), false), 1, 1_000_000);
    assertEquals(2002, all.size());
    assertEquals(0, all.prunings());
  }

  @Test
  void aMissingFileOrAnEmptyVocabularyIsAnErrorAUserCanActOn() throws IOException {
    W2vException missing =
        assertThrows(W2vException.class, () -> TextCorpus.of(List.of(dir.resolve("nope")), false));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    Path file = write("few.txt", "a b c\n");
    W2vException empty =
        assertThrows(
            W2vException.class,
            () -> Vocabulary.count(TextCorpus.of(List.of(file), false), 5, 100));
    assertTrue(empty.getMessage().contains("min-count"), empty.getMessage());
  }
}
