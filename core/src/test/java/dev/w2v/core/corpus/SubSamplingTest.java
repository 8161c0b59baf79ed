package dev.w2v.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import dev.w2v.core.corpus.SubSampling.Formula;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import org.junit.jupiter.api.Test;

class SubSamplingTest {

  @Test
  void word2vecsFormula() {
    long total = 1_000_000;
    double s = 1e-3;
    // c = 10,000: sN/c = 0.1, sqrt(c/sN) = sqrt(10), so (sqrt(10) + 1) * 0.1.
    assertEquals(
        (Math.sqrt(10) + 1) * 0.1,
        SubSampling.keepProbability(Formula.WORD2VEC, 10_000, total, s),
        1e-12);
    // Rare words are always kept, and a threshold of 0 keeps everything.
    assertEquals(1.0, SubSampling.keepProbability(Formula.WORD2VEC, 500, total, s), 0);
    assertEquals(1.0, SubSampling.keepProbability(Formula.WORD2VEC, 10_000, total, 0), 0);
  }

  @Test
  void cs224nsFormula() {
    // Rejected with 1 - sqrt(tN/c): kept with sqrt(tN/c), at most 1.
    long total = 1_000_000;
    double t = 1e-5;
    assertEquals(
        Math.sqrt(t * total / 10_000),
        SubSampling.keepProbability(Formula.CS224N, 10_000, total, t),
        1e-12);
    assertEquals(1.0, SubSampling.keepProbability(Formula.CS224N, 5, total, t), 0);
  }

  @Test
  void theFractionOfKeptOccurrencesMatchesTheFormulaForBoth() {
    WordCounts counts = WordCounts.of(600_000, 300_000, 90_000, 9_000, 1_000);
    for (Formula formula : Formula.values()) {
      double threshold = formula == Formula.WORD2VEC ? 1e-3 : 1e-3;
      SubSampling sampling = SubSampling.of(formula, counts, threshold);
      assertEquals(formula, sampling.formula());
      Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(11);
      int draws = 200_000;
      for (int w = 0; w < counts.size(); w++) {
        double expected =
            SubSampling.keepProbability(formula, counts.count(w), counts.total(), threshold);
        int kept = 0;
        for (int i = 0; i < draws; i++) {
          if (sampling.keep(w, random)) {
            kept++;
          }
        }
        double sigma = Math.sqrt(expected * (1 - expected) / draws);
        assertEquals(expected, kept / (double) draws, 5 * sigma + 1e-6, formula + " word " + w);
      }
    }
  }

  @Test
  void theFormulasDiffer() {
    WordCounts counts = WordCounts.of(600_000, 1_000);
    assertTrue(
        SubSampling.word2vec(counts, 1e-3).keepProbability(0)
            != SubSampling.cs224n(counts, 1e-3).keepProbability(0));
  }

  @Test
  void aNegativeThresholdIsAUserError() {
    W2vException e =
        assertThrows(W2vException.class, () -> SubSampling.word2vec(WordCounts.of(1, 2), -1));
    assertTrue(e.getMessage().contains("sample"), e.getMessage());
  }

  @Test
  void survivesSerializationForADistributedTrainersBroadcast() throws Exception {
    SubSampling s = SubSampling.word2vec(WordCounts.of(1000, 10, 1), 1e-2);
    SubSampling copy = VocabularyTest.roundTrip(s);
    assertEquals(s.formula(), copy.formula());
    for (int w = 0; w < 3; w++) {
      assertEquals(s.keepProbability(w), copy.keepProbability(w));
    }
    assertTrue(copy.keepProbability(0) < 1f);
  }
}
