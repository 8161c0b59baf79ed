package dev.w2v.core.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared front of every run: one pass, the vocabulary, the encoded corpus. */
class PreparedCorpusTest {

  private static List<String> zipfLines(int lines) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      StringBuilder line = new StringBuilder();
      for (int j = 0; j < 1 + i % 13; j++) {
        line.append("w").append((i * 31 + j * 7) % (1 + (i % 97))).append(' ');
      }
      out.add(line.toString());
    }
    return out;
  }

  @Test
  void onePassEncodesExactlyAsEncodingWithTheFinishedVocabulary() {
    CorpusSource source = CorpusSource.ofLines(zipfLines(5000), false);
    for (long memory : new long[] {Long.MAX_VALUE, 500}) {
      PreparedCorpus prepared =
          PreparedCorpus.prepare(source, VocabularyPolicy.byFrequency(3, 1_000_000), memory);
      EncodedCorpus direct = EncodedCorpus.encode(source, prepared.vocabulary(), Long.MAX_VALUE);
      assertArrayEquals(
          EncodedCorpusTest.positions(direct), EncodedCorpusTest.positions(prepared.corpus()));
      assertEquals(memory == 500, prepared.corpus().mapped());
      assertEquals(prepared.corpus().words(), prepared.statistics().trainingWords());
      assertEquals(prepared.vocabulary().totalCount(), prepared.corpus().words());
    }
  }

  @Test
  void cs224nsPolicyKeepsEveryWordInFirstAppearanceOrderThenUnk() {
    PreparedCorpus p =
        PreparedCorpus.prepare(
            CorpusSource.ofLines(List.of("the cat saw the dog", "a dog"), true),
            VocabularyPolicy.cs224n(),
            Long.MAX_VALUE);
    assertEquals(List.of("the", "cat", "saw", "dog", "a", "UNK"), p.vocabulary().words());
    int e = EncodedCorpus.END;
    assertArrayEquals(
        new int[] {0, 1, 2, 0, 3, e, 4, 3, e}, EncodedCorpusTest.positions(p.corpus()));
  }

  @Test
  void afterPruningARereadableSourceIsEncodedAgainSoNoOccurrenceIsLost() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      lines.add("common rare" + i + (i % 2 == 0 ? " often" : ""));
    }
    CorpusSource source = CorpusSource.ofLines(lines, false);
    PreparedCorpus p =
        PreparedCorpus.prepare(source, VocabularyPolicy.byFrequency(1, 100), Long.MAX_VALUE);
    assertTrue(p.statistics().prunings() > 0);
    EncodedCorpus direct = EncodedCorpus.encode(source, p.vocabulary(), Long.MAX_VALUE);
    assertArrayEquals(EncodedCorpusTest.positions(direct), EncodedCorpusTest.positions(p.corpus()));
    // Every occurrence of the words that survive is in the corpus.
    int common = p.vocabulary().indexOf("common");
    long seen = 0;
    for (int w : EncodedCorpusTest.positions(p.corpus())) {
      seen += w == common ? 1 : 0;
    }
    assertEquals(3000, seen);
  }

  @Test
  void standardInputIsReadOnceEvenWhenPruning() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      text.append("common rare").append(i).append('\n');
    }
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
      PreparedCorpus p =
          PreparedCorpus.prepare(
              CorpusSource.of(List.of("-"), CorpusFormat.TEXT, false),
              VocabularyPolicy.byFrequency(1, 100),
              Long.MAX_VALUE);
      assertTrue(p.statistics().prunings() > 0);
      assertEquals("common", p.vocabulary().word(0));
      assertEquals(3000, p.statistics().tokens() / 2);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void aCorpusWithoutWordsIsAClearError() {
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                PreparedCorpus.prepare(
                    CorpusSource.ofLines(List.of("", "  "), true),
                    VocabularyPolicy.cs224n(),
                    Long.MAX_VALUE));
    assertTrue(e.getMessage().contains("holds no words"), e.getMessage());
  }
}
