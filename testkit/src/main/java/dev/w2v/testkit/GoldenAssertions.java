package dev.w2v.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparisons against the golden figures at the tolerance the foundation issue sets. */
public final class GoldenAssertions {

  private GoldenAssertions() {}

  /** 1e-5, relative for values of size 1 or more and absolute below. */
  public static void assertClose(double expected, double actual, String what) {
    double scale = Math.max(1.0, Math.abs(expected));
    assertTrue(
        Math.abs(expected - actual) <= 1e-5 * scale,
        () -> what + ": expected " + expected + " but was " + actual);
  }

  /** The loss and every gradient row of a case. */
  public static void assertMatches(
      GoldenReference.Case golden, double loss, DenseGradient gradient) {
    assertClose(golden.loss(), loss, "loss");
    for (int j = 0; j < 3; j++) {
      assertClose(golden.inputGradient()[j], gradient.input(j), "dJ/dv_c[" + j + "]");
    }
    for (int r = 0; r < 5; r++) {
      for (int j = 0; j < 3; j++) {
        assertClose(
            golden.outputGradient()[r][j], gradient.output(r, j), "dJ/dU[" + r + "][" + j + "]");
      }
    }
  }
}
