package dev.w2v.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  private static List<Vocabulary.Counted> count(int maxVocab, String... lines) {
    WordCounter counter = new WordCounter(maxVocab);
    CorpusSource.ofLines(List.of(lines), false).read(counter);
    return counter.counted();
  }

  @Test
  void byFrequencyIsMostFrequentFirstWithTiesInOrderOfFirstAppearance() {
    Vocabulary v = Vocabulary.byFrequency(count(100, "b a c", " a\td  c  b", "", " e a"), 1);
    assertEquals(List.of("a", "b", "c", "d", "e"), v.words());
    assertEquals(3, v.count(0));
    assertEquals(2, v.count(1));
    assertEquals(2, v.count(2));
    assertEquals(1, v.count(3));
    assertEquals(9, v.totalCount());
    assertEquals(2, v.indexOf("c"));
    assertEquals(-1, v.indexOf("zzz"));
  }

  @Test
  void minCountDropsRareWordsAndAnEmptyResultSaysWhatToDo() {
    Vocabulary v = Vocabulary.byFrequency(count(100, "x y x z x y"), 2);
    assertEquals(List.of("x", "y"), v.words());
    assertEquals(5, v.totalCount());
    W2vException e =
        assertThrows(W2vException.class, () -> Vocabulary.byFrequency(count(100, "a b c"), 5));
    assertTrue(e.getMessage().contains("min-count"), e.getMessage());
  }

  @Test
  void inFirstAppearanceOrderAppendsUnkCountedOnceAsCs224nDoes() {
    Vocabulary v = Vocabulary.inFirstAppearanceOrder(count(100, "the cat saw the dog", "a dog"));
    assertEquals(List.of("the", "cat", "saw", "dog", "a", "UNK"), v.words());
    assertEquals(2, v.count(0));
    assertEquals(1, v.count(5));
    assertEquals(8, v.totalCount());
    // A corpus that has UNK as a word keeps it where it first appeared.
    Vocabulary withUnk = Vocabulary.inFirstAppearanceOrder(count(100, "UNK a"));
    assertEquals(List.of("UNK", "a"), withUnk.words());
  }

  @Test
  void pruningKeepsMemoryBoundedAndFrequentWordsSurvive() {
    String[] lines = new String[2000];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "common rare" + i + (i % 2 == 0 ? " often" : "");
    }
    WordCounter counter = new WordCounter(50);
    CorpusSource.ofLines(List.of(lines), false).read(counter);
    assertTrue(counter.prunings() > 0, "pruned " + counter.prunings());
    Vocabulary v = Vocabulary.byFrequency(counter.counted(), 1);
    assertTrue(v.size() <= 51, "size " + v.size());
    assertEquals("common", v.word(0));
    assertEquals(2000, v.count(0));
    assertEquals("often", v.word(1));
    assertEquals(1000, v.count(1));
    assertEquals(2002, Vocabulary.byFrequency(count(1_000_000, lines), 1).size());
  }

  @Test
  void theFingerprintChangesWithAnyWordOrCount() {
    Vocabulary a = Vocabulary.of(List.of("a", "b"), new long[] {3, 2});
    assertEquals(
        a.fingerprint(), Vocabulary.of(List.of("a", "b"), new long[] {3, 2}).fingerprint());
    assertNotEquals(
        a.fingerprint(), Vocabulary.of(List.of("a", "c"), new long[] {3, 2}).fingerprint());
    assertNotEquals(
        a.fingerprint(), Vocabulary.of(List.of("a", "b"), new long[] {3, 1}).fingerprint());
    assertNotEquals(
        a.fingerprint(), Vocabulary.of(List.of("b", "a"), new long[] {2, 3}).fingerprint());
  }

  @Test
  void duplicateWordsAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "a"), new long[] {1, 1}));
  }

  /** A Java-serialization round trip, as a Spark broadcast makes it. */
  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void survivesSerializationForADistributedTrainersBroadcast() throws Exception {
    Vocabulary v = Vocabulary.byFrequency(count(100, "b a c", "a d c b", "e a"), 1);
    Vocabulary copy = roundTrip(v);
    assertEquals(v, copy);
    assertEquals(v.fingerprint(), copy.fingerprint());
    assertEquals(2, copy.indexOf("c"));
    assertEquals(v.totalCount(), copy.totalCount());
  }
}
