package dev.w2v.api;

/**
 * The logistic function and its logarithm, stable for arguments of any size: {@code
 * logSigmoid(-1000)} is -1000, not -infinity, and {@code sigmoid(1000)} is 1, not NaN.
 *
 * <p>The {@code double} methods are exact (to double rounding). The {@code float} methods are for a
 * loss's hot path: inside [-8, 8) they interpolate linearly in tables with 256 cells per unit,
 * which keeps them within 3e-7 of the exact value (about the rounding of a float near 1) at a few
 * cycles instead of an {@code exp} and a {@code log}; outside they are computed exactly.
 */
public final class Sigmoid {

  /** The tables cover [-RANGE, RANGE). Beyond 8, 1 - sigmoid(x) is below 3.4e-4. */
  private static final int RANGE = 8;

  private static final int CELLS_PER_UNIT = 256;
  private static final int CELLS = 2 * RANGE * CELLS_PER_UNIT;
  private static final float[] SIGMOID = new float[CELLS + 1];
  private static final float[] LOG_SIGMOID = new float[SIGMOID.length];

  static {
    for (int i = 0; i < SIGMOID.length; i++) {
      double x = (double) i / CELLS_PER_UNIT - RANGE;
      SIGMOID[i] = (float) sigmoid(x);
      LOG_SIGMOID[i] = (float) logSigmoid(x);
    }
  }

  private Sigmoid() {}

  /** {@link #sigmoid(double)} in float, from a table within [-8, 8); see the class comment. */
  public static float sigmoid(float x) {
    // Tested on the position, not on x: just below 8, x + 8 rounds up to 16 in float.
    float position = (x + RANGE) * CELLS_PER_UNIT;
    if (position >= 0f && position < CELLS) {
      int cell = (int) position;
      float fraction = position - cell;
      float low = SIGMOID[cell];
      return low + fraction * (SIGMOID[cell + 1] - low);
    }
    // Also the path of NaN, which stays NaN.
    return (float) sigmoid((double) x);
  }

  /** {@link #logSigmoid(double)} in float, from a table within [-8, 8); see the class comment. */
  public static float logSigmoid(float x) {
    // Tested on the position, not on x: just below 8, x + 8 rounds up to 16 in float.
    float position = (x + RANGE) * CELLS_PER_UNIT;
    if (position >= 0f && position < CELLS) {
      int cell = (int) position;
      float fraction = position - cell;
      float low = LOG_SIGMOID[cell];
      return low + fraction * (LOG_SIGMOID[cell + 1] - low);
    }
    return (float) logSigmoid((double) x);
  }

  /** 1 / (1 + e^-x). */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /** log(sigmoid(x)) = -log(1 + e^-x), without overflow or cancellation. */
  public static double logSigmoid(double x) {
    if (x >= 0) {
      return -Math.log1p(Math.exp(-x));
    }
    return x - Math.log1p(Math.exp(x));
  }
}
