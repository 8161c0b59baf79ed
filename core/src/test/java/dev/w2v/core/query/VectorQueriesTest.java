package dev.w2v.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import dev.w2v.core.vectors.WordVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorQueriesTest {

  /** Axis 0 "royal", axis 1 "female": queen = king + woman - man by construction. */
  private static final WordVectors ROYALS =
      WordVectors.of(
          List.of("king", "queen", "man", "woman", "apple", "pear", "kingdom"),
          2,
          new float[] {
            2f, 0.1f,
            2f, 1f,
            0.2f, 0.1f,
            0.2f, 1f,
            -1f, -0.1f,
            -1f, -0.2f,
            3f, 0.2f
          });

  /** Cosine in double, computed directly, as the reference. */
  private static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < a.length; j++) {
      dot += a[j] * b[j];
      na += a[j] * a[j];
      nb += b[j] * b[j];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static double[] vec(String word) {
    int row = ROYALS.rowOf(word);
    return new double[] {ROYALS.get(row, 0), ROYALS.get(row, 1)};
  }

  @Test
  void nearestNeighboursExcludeTheWordAndComeBestFirst() {
    List<Neighbor> n = VectorQueries.of(ROYALS).nearest("king", 6);
    assertEquals("kingdom", n.get(0).word(), "same direction as king");
    assertEquals(6, n.get(0).row());
    assertEquals(6, n.size());
    assertTrue(n.stream().noneMatch(x -> x.word().equals("king")));
    for (int i = 0; i < n.size(); i++) {
      assertEquals(cosine(vec("king"), vec(n.get(i).word())), n.get(i).similarity(), 1e-6);
      if (i > 0) {
        assertTrue(n.get(i - 1).similarity() >= n.get(i).similarity(), "descending");
      }
    }
    assertEquals("pear", VectorQueries.of(ROYALS).nearest("apple", 1).get(0).word());
  }

  @Test
  void kLargerThanTheVocabularyReturnsEveryOtherWord() {
    assertEquals(6, VectorQueries.of(ROYALS).nearest("king", 1000).size());
  }

  @Test
  void analogyFindsTheConstructedAnswerAndExcludesTheQuestionWords() {
    List<Neighbor> answer = VectorQueries.of(ROYALS).analogy("man", "woman", "king", 2);
    assertEquals("queen", answer.get(0).word());
    assertTrue(answer.stream().noneMatch(n -> List.of("man", "woman", "king").contains(n.word())));
    double[] query = new double[2];
    for (int j = 0; j < 2; j++) {
      query[j] =
          vec("woman")[j] / Math.sqrt(cosineNorm("woman"))
              - vec("man")[j] / Math.sqrt(cosineNorm("man"))
              + vec("king")[j] / Math.sqrt(cosineNorm("king"));
    }
    assertEquals(cosine(query, vec("queen")), answer.get(0).similarity(), 1e-6);
  }

  private static double cosineNorm(String word) {
    double[] v = vec(word);
    return v[0] * v[0] + v[1] * v[1];
  }

  private static double[] unit(String word) {
    double[] v = vec(word);
    double n = Math.sqrt(cosineNorm(word));
    return new double[] {v[0] / n, v[1] / n};
  }

  @Test
  void mostSimilarRanksByCosineWithTheMeanOfPositiveMinusNegativeUnitVectors() {
    VectorQueries q = VectorQueries.of(ROYALS);
    List<Neighbor> found = q.mostSimilar(List.of("king", "woman"), List.of("man"), 4);
    double[] mean = new double[2];
    for (int j = 0; j < 2; j++) {
      mean[j] = unit("king")[j] + unit("woman")[j] - unit("man")[j];
    }
    assertEquals("queen", found.get(0).word());
    assertEquals(4, found.size());
    for (int i = 0; i < found.size(); i++) {
      Neighbor n = found.get(i);
      assertTrue(List.of("queen", "kingdom", "apple", "pear").contains(n.word()), n.word());
      assertEquals(cosine(mean, vec(n.word())), n.similarity(), 1e-6, n.word());
      if (i > 0) {
        assertTrue(found.get(i - 1).similarity() >= n.similarity(), "descending");
      }
    }
    assertEquals(
        found, q.analogy("man", "woman", "king", 4), "analogy is mostSimilar([b, c], [a])");
    assertEquals(q.nearest("apple", 3), q.mostSimilar(List.of("apple"), List.of(), 3));
  }

  @Test
  void onlyNegativeWordsPointAwayFromThem() {
    List<Neighbor> found = VectorQueries.of(ROYALS).mostSimilar(List.of(), List.of("apple"), 1);
    // -apple = (1, 0.1): of king (2, 0.1), kingdom (3, 0.2) and queen (2, 1), kingdom is nearest
    assertEquals("kingdom", found.get(0).word());
    assertEquals(cosine(new double[] {1, 0.1}, vec("kingdom")), found.get(0).similarity(), 1e-6);
  }

  @Test
  void similarityIsTheCosineAndSymmetric() {
    VectorQueries q = VectorQueries.of(ROYALS);
    assertEquals(cosine(vec("king"), vec("queen")), q.similarity("king", "queen"), 1e-12);
    assertEquals(q.similarity("apple", "man"), q.similarity("man", "apple"), 1e-12);
    assertEquals(1.0, q.similarity("pear", "pear"), 1e-12);
    WordVectors zero = WordVectors.of(List.of("a", "b"), 2, new float[] {0, 0, 1, 1});
    assertEquals(0.0, VectorQueries.of(zero).similarity("a", "b"));
  }

  @Test
  void doesntMatchPicksTheWordFarthestFromTheMean() {
    VectorQueries q = VectorQueries.of(ROYALS);
    assertEquals("apple", q.doesntMatch(List.of("king", "queen", "apple", "kingdom")));
    assertEquals("woman", q.doesntMatch(List.of("king", "kingdom", "woman")));
    assertEquals("apple", q.doesntMatch(List.of("apple", "king", "king")), "repeats weigh");
  }

  @Test
  void badArgumentsAreRejectedWithTheReason() {
    VectorQueries q = VectorQueries.of(ROYALS);
    IllegalArgumentException k =
        assertThrows(
            IllegalArgumentException.class, () -> q.mostSimilar(List.of("king"), List.of(), 0));
    assertTrue(k.getMessage().contains("k must be positive"), k.getMessage());
    assertThrows(IllegalArgumentException.class, () -> q.mostSimilar(List.of(), List.of(), 3));
    IllegalArgumentException few =
        assertThrows(IllegalArgumentException.class, () -> q.doesntMatch(List.of("king", "man")));
    assertTrue(few.getMessage().contains("at least three words"), few.getMessage());
    UnknownWordException unknown =
        assertThrows(
            UnknownWordException.class, () -> q.mostSimilar(List.of("king"), List.of("mann"), 3));
    assertEquals("mann", unknown.word());
    assertThrows(UnknownWordException.class, () -> q.similarity("king", "qeen"));
    assertThrows(UnknownWordException.class, () -> q.doesntMatch(List.of("king", "man", "appel")));
  }

  @Test
  void unknownWordSuggestsNearestSpellings() {
    UnknownWordException e =
        assertThrows(UnknownWordException.class, () -> VectorQueries.of(ROYALS).nearest("kign", 3));
    assertEquals("king", e.suggestions().get(0), "one swap away");
    assertTrue(
        e.getMessage().contains("'kign'") && e.getMessage().contains("did you mean king"),
        e.getMessage());
    assertTrue(e instanceof W2vException);
  }

  @Test
  void spellingTiesGoToTheMoreFrequentWord() {
    // "wan": distance 1 from "man" (row 2), 2 from "woman" (row 3)
    assertEquals(
        List.of("man", "woman"), SpellingSuggestions.nearest(ROYALS, "wan", 2).subList(0, 2));
    WordVectors tie = WordVectors.of(List.of("cab", "bat", "cat", "car"), 1, new float[4]);
    // "cax" is 1 from cab, cat and car and 2 from bat: of the three ties the first two rows win
    assertEquals(List.of("cab", "cat"), SpellingSuggestions.nearest(tie, "cax", 2));
    assertEquals(List.of("cab", "cat", "car", "bat"), SpellingSuggestions.nearest(tie, "cax", 9));
  }

  @Test
  void damerauLevenshteinDistances() {
    assertEquals(0, SpellingSuggestions.distance("abc", "abc"));
    assertEquals(1, SpellingSuggestions.distance("abc", "acb"));
    assertEquals(1, SpellingSuggestions.distance("abc", "abxc"));
    assertEquals(3, SpellingSuggestions.distance("kitten", "sitting"));
    assertEquals(3, SpellingSuggestions.distance("", "abc"));
  }

  @Test
  void topKKeepsTheBestAndPrefersEarlierRowsOnTies() {
    TopK top = new TopK(3);
    float[] scores = {0.5f, 0.9f, 0.1f, 0.9f, 0.7f, 0.2f};
    for (int i = 0; i < scores.length; i++) {
      top.offer(i, scores[i]);
    }
    assertEquals(List.of(1, 3, 4), java.util.Arrays.stream(top.rowsBestFirst()).boxed().toList());
    assertEquals(0.7f, top.threshold());
  }
}
