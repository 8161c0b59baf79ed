package dev.w2v.core.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.w2v.api.WordCounts;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import org.junit.jupiter.api.Test;

class SubsamplingTest {

  @Test
  void keepProbabilityIsWord2vecCsFormula() {
    long total = 1_000_000;
    double s = 1e-3;
    // c = 10,000: sN/c = 0.1, sqrt(c/sN) = sqrt(10), so (sqrt(10) + 1) * 0.1.
    assertEquals((Math.sqrt(10) + 1) * 0.1, Subsampling.keepProbability(10_000, total, s), 1e-12);
    // Rare words (c <= sN (sqrt5+1)/2 roughly) are always kept.
    assertEquals(1.0, Subsampling.keepProbability(500, total, s), 0);
    assertEquals(1.0, Subsampling.keepProbability(10_000, total, 0), 0);
  }

  @Test
  void theFractionOfKeptOccurrencesMatchesTheFormula() {
    WordCounts counts = WordCounts.of(600_000, 300_000, 90_000, 9_000, 1_000);
    float[] keep = Subsampling.keepProbabilities(counts, 1e-3);
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(11);
    int draws = 200_000;
    for (int w = 0; w < counts.size(); w++) {
      double expected = Subsampling.keepProbability(counts.count(w), counts.total(), 1e-3);
      int kept = 0;
      for (int i = 0; i < draws; i++) {
        if (Subsampling.keep(keep[w], random)) {
          kept++;
        }
      }
      double sigma = Math.sqrt(expected * (1 - expected) / draws);
      assertEquals(expected, kept / (double) draws, 5 * sigma + 1e-7, "word " + w);
    }
  }
}
