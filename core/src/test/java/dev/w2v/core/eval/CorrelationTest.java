package dev.w2v.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationTest {

  @Test
  void tiedValuesShareTheMeanOfTheirRanks() {
    // sorted: 1 (rank 1), 2 2 (ranks 2,3 -> 2.5), 5 (4), 7 7 7 (5,6,7 -> 6)
    assertArrayEquals(
        new double[] {6, 2.5, 1, 6, 2.5, 4, 6},
        Correlation.ranks(new double[] {7, 2, 1, 7, 2, 5, 7}),
        0);
  }

  @Test
  void spearmanWithTiesByHand() {
    // x ranks: 1, 2.5, 2.5, 4 ; y ranks: 1, 2, 3.5, 3.5
    // mean 2.5 each; deviations x: -1.5, 0, 0, 1.5 ; y: -1.5, -0.5, 1, 1
    // sxy = 2.25 + 0 + 0 + 1.5 = 3.75 ; sxx = 4.5 ; syy = 2.25+0.25+1+1 = 4.5
    double rho = Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {10, 20, 30, 30});
    assertEquals(3.75 / 4.5, rho, 1e-12);
  }

  @Test
  void spearmanWithoutTiesMatchesTheClassicFormula() {
    double[] x = {3, 1, 4, 1.5, 9, 2.6};
    double[] y = {2, 7, 1, 8, 2.8, 1.8};
    double[] rx = Correlation.ranks(x);
    double[] ry = Correlation.ranks(y);
    double sumD2 = 0;
    for (int i = 0; i < x.length; i++) {
      sumD2 += (rx[i] - ry[i]) * (rx[i] - ry[i]);
    }
    int n = x.length;
    assertEquals(1 - 6 * sumD2 / (n * (n * n - 1.0)), Correlation.spearman(x, y), 1e-12);
  }

  @Test
  void spearmanIsOneForAnyIncreasingMapAndPearsonIsNot() {
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {1, 8, 27, 64, 125};
    assertEquals(1.0, Correlation.spearman(x, y), 1e-12);
    double r = Correlation.pearson(x, y);
    assertTrue(r < 0.99 && r > 0.9, "pearson " + r);
    assertEquals(-1.0, Correlation.spearman(x, new double[] {5, 4, 3, 2, 1}), 1e-12);
  }

  @Test
  void constantSampleHasNoCorrelation() {
    assertTrue(Double.isNaN(Correlation.spearman(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
  }
}
