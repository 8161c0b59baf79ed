package dev.w2v.core.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

  private static final int E = EncodedCorpus.END;

  @TempDir Path dir;

  static int[] positions(EncodedCorpus corpus) {
    int[] out = new int[(int) corpus.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = corpus.get(i);
    }
    return out;
  }

  private static CorpusSource lines(String... lines) {
    return CorpusSource.ofLines(List.of(lines), false);
  }

  @Test
  void keepsSentenceEndsAndDropsUnknownWords() {
    Vocabulary v = Vocabulary.of(List.of("a", "b", "c"), new long[] {2, 2, 2});
    EncodedCorpus corpus = EncodedCorpus.encode(lines("a b zz a", "zz", "", "b c", "c"), v, 1000);
    assertFalse(corpus.mapped());
    assertArrayEquals(new int[] {0, 1, 0, E, 1, 2, E, 2, E}, positions(corpus));
    assertEquals(6, corpus.words());
    assertEquals(0, corpus.sentenceStartAtOrAfter(0));
    assertEquals(4, corpus.sentenceStartAtOrAfter(1));
    assertEquals(4, corpus.sentenceStartAtOrAfter(4));
    assertEquals(9, corpus.sentenceStartAtOrAfter(8));
  }

  @Test
  void cutsLongLinesIntoSentencesOfAThousandTokens() {
    Vocabulary v = Vocabulary.of(List.of("w"), new long[] {2500});
    EncodedCorpus corpus = EncodedCorpus.encode(lines("w ".repeat(2500)), v, 1 << 20);
    assertEquals(2503, corpus.size());
    assertEquals(E, corpus.get(1000));
    assertEquals(E, corpus.get(2001));
    assertEquals(E, corpus.get(2502));
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
    CorpusSource source = CorpusSource.of(file, CorpusFormat.TEXT, false);
    Vocabulary v = Vocabulary.of(List.of("x", "y", "z"), new long[] {3, 2, 1});
    EncodedCorpus inMemory = EncodedCorpus.encode(source, v, Long.MAX_VALUE);
    EncodedCorpus mapped = EncodedCorpus.encode(source, v, 1000);
    assertFalse(inMemory.mapped());
    assertTrue(mapped.mapped());
    assertEquals(inMemory.words(), mapped.words());
    assertArrayEquals(positions(inMemory), positions(mapped));
  }
}
