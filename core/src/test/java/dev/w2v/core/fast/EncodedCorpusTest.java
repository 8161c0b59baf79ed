package dev.w2v.core.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodedCorpusTest {

  @TempDir Path dir;

  private static int[] positions(EncodedCorpus corpus) {
    int[] out = new int[(int) corpus.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = corpus.get(i);
    }
    return out;
  }

  @Test
  void keepsSentenceEndsAndDropsUnknownWords() throws IOException {
    Path file = dir.resolve("c.txt");
    Files.writeString(file, "a b zz a\nzz\n\nb c\nc");
    TextCorpus text = TextCorpus.of(List.of(file), false);
    Vocabulary v = Vocabulary.of(List.of("a", "b", "c"), new long[] {2, 2, 2});
    EncodedCorpus corpus = EncodedCorpus.encode(text, v, 1000);
    assertFalse(corpus.mapped());
    int e = EncodedCorpus.END;
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new int[] {0, 1, 0, e, 1, 2, e, 2, e}, positions(corpus));
    assertEquals(6, corpus.words());
    assertEquals(0, corpus.sentenceStartAtOrAfter(0));
    assertEquals(4, corpus.sentenceStartAtOrAfter(1));
    assertEquals(4, corpus.sentenceStartAtOrAfter(4));
    assertEquals(9, corpus.sentenceStartAtOrAfter(8));
  }

  @Test
  void cutsLongLinesIntoSentencesOfAThousandWords() throws IOException {
    Path file = dir.resolve("long.txt");
    Files.writeString(file, "w ".repeat(2500) + "\n");
    Vocabulary v = Vocabulary.of(List.of("w"), new long[] {2500});
    EncodedCorpus corpus = EncodedCorpus.encode(TextCorpus.of(List.of(file), false), v, 1 << 20);
    assertEquals(2503, corpus.size());
    assertEquals(EncodedCorpus.END, corpus.get(1000));
    assertEquals(EncodedCorpus.END, corpus.get(2001));
    assertEquals(EncodedCorpus.END, corpus.get(2502));
  }

  @Test
  void aCorpusBeyondTheMemoryLimitIsMappedFromATemporaryFileWithTheSameContent()
      throws IOException {
    Path file = dir.resolve("m.txt");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30_000; i++) {
      text.append(i % 7 == 0 ? "x y z\n" : "y z ").append(i % 3 == 0 ? "q " : "x ");
    }
    Files.writeString(file, text);
    TextCorpus corpus = TextCorpus.of(List.of(file), false);
    Vocabulary v = Vocabulary.count(corpus, 1, 100);
    EncodedCorpus inMemory = EncodedCorpus.encode(corpus, v, Long.MAX_VALUE);
    EncodedCorpus mapped = EncodedCorpus.encode(corpus, v, 1000);
    assertFalse(inMemory.mapped());
    assertTrue(mapped.mapped());
    assertEquals(inMemory.words(), mapped.words());
    org.junit.jupiter.api.Assertions.assertArrayEquals(positions(inMemory), positions(mapped));
  }
}
