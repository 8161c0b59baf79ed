package dev.w2v.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SigmoidTest {

  /** Every float step of 1/4096 over [-10, 10], so each table cell is probed at 16 points. */
  private static final float STEP = 1f / 4096;

  @Test
  void tabulatedSigmoidStaysWithinItsStatedErrorOfTheExactOne() {
    double worst = 0;
    for (float x = -10f; x <= 10f; x += STEP) {
      worst = Math.max(worst, Math.abs(Sigmoid.sigmoid(x) - Sigmoid.sigmoid((double) x)));
    }
    // The class promises 3e-7: interpolation (h^2/8 max|s''| = 1.8e-7) plus float rounding.
    assertTrue(worst <= 3e-7, "worst error " + worst);
  }

  @Test
  void tabulatedLogSigmoidStaysWithinItsStatedErrorOfTheExactOne() {
    double worst = 0;
    for (float x = -10f; x <= 10f; x += STEP) {
      worst = Math.max(worst, Math.abs(Sigmoid.logSigmoid(x) - Sigmoid.logSigmoid((double) x)));
    }
    // Interpolation error is at most h^2/8 * 1/4 = 4.8e-7; near -8 a float's own rounding
    // (half an ulp of 8, 4.8e-7) adds to it.
    assertTrue(worst <= 1e-6, "worst error " + worst);
  }

  @Test
  void tablesAreMonotoneAcrossCellsAndTheirEdges() {
    float previousSigmoid = Sigmoid.sigmoid(-10f);
    float previousLog = Sigmoid.logSigmoid(-10f);
    for (float x = -10f + STEP; x <= 10f; x += STEP) {
      float s = Sigmoid.sigmoid(x);
      float l = Sigmoid.logSigmoid(x);
      assertTrue(s >= previousSigmoid, "sigmoid decreases at " + x);
      assertTrue(l >= previousLog, "logSigmoid decreases at " + x);
      previousSigmoid = s;
      previousLog = l;
    }
  }

  @Test
  void theEdgesOfTheTablesAreSafeAndAccurate() {
    // Just below 8, x + 8 rounds to 16 in float: the last cell must not be overrun.
    float[] edges = {
      Math.nextDown(8f),
      Math.nextDown(Math.nextDown(8f)),
      8f,
      Math.nextUp(8f),
      -8f,
      Math.nextUp(-8f),
      Math.nextDown(-8f),
      0f,
      -0f,
      Float.MIN_VALUE,
      -Float.MIN_VALUE
    };
    for (float x : edges) {
      assertEquals(Sigmoid.sigmoid((double) x), Sigmoid.sigmoid(x), 3e-7, "sigmoid at " + x);
      assertEquals(
          Sigmoid.logSigmoid((double) x), Sigmoid.logSigmoid(x), 1e-6, "logSigmoid at " + x);
    }
  }

  @Test
  void beyondTheTablesTheFloatVersionsAreExactAndStable() {
    assertEquals(1f, Sigmoid.sigmoid(1000f));
    assertEquals(0f, Sigmoid.sigmoid(-1000f));
    assertEquals(-1000f, Sigmoid.logSigmoid(-1000f));
    assertEquals(0f, Sigmoid.logSigmoid(1000f), 0f); // -0.0 is fine
    assertEquals((float) Sigmoid.sigmoid(8.0), Sigmoid.sigmoid(8f));
    assertEquals((float) Sigmoid.logSigmoid(-8.5), Sigmoid.logSigmoid(-8.5f));
    assertTrue(Float.isNaN(Sigmoid.sigmoid(Float.NaN)));
    assertTrue(Float.isNaN(Sigmoid.logSigmoid(Float.NaN)));
  }

  @Test
  void doubleVersionsAreStableForLargeArguments() {
    assertEquals(-1000.0, Sigmoid.logSigmoid(-1000.0));
    assertEquals(1.0, Sigmoid.sigmoid(1000.0));
    assertEquals(0.5, Sigmoid.sigmoid(0.0));
    assertEquals(Math.log(0.5), Sigmoid.logSigmoid(0.0), 1e-15);
  }

  @Test
  void theDoubleLogSigmoidsSlopeAgreesWithTheFloatSigmoidWellBelowAGradientChecksTolerance() {
    // What a gradient check compares: a centered difference of the loss's value against the
    // gradient the loss reports from sigmoid(float). 1e-3 is the checker's tolerance per
    // coordinate, summed over (k + 1) terms and several targets: 5e-6 per term leaves it 10x.
    double h = 1e-2;
    double worst = 0;
    for (double x = -12; x < 12; x += 0.000731) {
      float plus = (float) (x + h);
      float minus = (float) (x - h);
      double numeric =
          (Sigmoid.logSigmoidAsDouble(plus) - Sigmoid.logSigmoidAsDouble(minus))
              / ((double) plus - minus);
      worst = Math.max(worst, Math.abs(numeric - (1 - Sigmoid.sigmoid((float) x))));
    }
    assertTrue(worst < 5e-6, "worst disagreement " + worst);
  }

  @Test
  void theDoubleLogSigmoidIsAccurate() {
    for (double x = -20; x < 20; x += 0.0173) {
      assertEquals(
          Sigmoid.logSigmoid(x),
          Sigmoid.logSigmoidAsDouble((float) x),
          1e-9
              + 1e-12 * Math.abs(x)
              + Math.abs(Sigmoid.logSigmoid(x) - Sigmoid.logSigmoid((double) (float) x)));
    }
  }

  @Test
  void beyondTheTablesTheFloatMethodsMatchTheExactOnes() {
    for (double x = 8; x < 60; x += 0.0137) {
      for (double signed : new double[] {x, -x}) {
        float f = (float) signed;
        double exact = Sigmoid.logSigmoid((double) f);
        assertEquals(exact, Sigmoid.logSigmoidAsDouble(f), 1e-14 * Math.max(1, Math.abs(exact)));
        assertEquals((float) exact, Sigmoid.logSigmoid(f), Math.ulp((float) exact));
      }
    }
    assertTrue(Double.isNaN(Sigmoid.logSigmoidAsDouble(Float.NaN)));
  }
}
