package dev.w2v.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.w2v.api.WordCounts;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import org.junit.jupiter.api.Test;

class AliasSamplerTest {

  @Test
  void drawsFollowCountsToThePower() {
    WordCounts counts = WordCounts.of(1000, 300, 50, 7, 1, 1, 0, 200);
    AliasSampler sampler = new AliasSampler(counts, 0.75);
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(8);
    int draws = 1_000_000;
    int[] seen = new int[counts.size()];
    for (int i = 0; i < draws; i++) {
      seen[sampler.sample(random)]++;
    }
    double norm = 0;
    for (int w = 0; w < counts.size(); w++) {
      norm += Math.pow(counts.count(w), 0.75);
    }
    for (int w = 0; w < counts.size(); w++) {
      double p = Math.pow(counts.count(w), 0.75) / norm;
      assertEquals(p, sampler.probability(w), 1e-12);
      double sigma = Math.sqrt(p * (1 - p) / draws);
      assertEquals(p, seen[w] / (double) draws, 5 * sigma + 1e-6, "word " + w);
    }
  }
}
