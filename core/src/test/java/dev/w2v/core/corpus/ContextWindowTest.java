package dev.w2v.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.random.Xoshiro256PlusPlus;
import org.junit.jupiter.api.Test;

class ContextWindowTest {

  @Test
  void theShrunkWindowIsUniformFromOneToWindow() {
    int window = 5;
    int draws = 500_000;
    int[] seen = new int[window + 1];
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(5);
    for (int i = 0; i < draws; i++) {
      int reach = ContextWindow.reach(window, random);
      assertTrue(reach >= 1 && reach <= window, "reach " + reach);
      seen[reach]++;
    }
    double p = 1.0 / window;
    double sigma = Math.sqrt(draws * p * (1 - p));
    for (int r = 1; r <= window; r++) {
      assertEquals(draws * p, seen[r], 5 * sigma, "reach " + r);
    }
    assertEquals(1, ContextWindow.reach(1, random));
  }
}
