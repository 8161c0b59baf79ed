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

  /**
   * The same in double, with its derivative sigma(-x) at each node, for a cubic Hermite
   * interpolation whose slope agrees with {@link #sigmoid(float)}.
   */
  private static final double[] LOG_SIGMOID_DOUBLE = new double[SIGMOID.length];

  private static final double[] LOG_SIGMOID_SLOPE = new double[SIGMOID.length];

  static {
    for (int i = 0; i < SIGMOID.length; i++) {
      double x = (double) i / CELLS_PER_UNIT - RANGE;
      SIGMOID[i] = (float) sigmoid(x);
      LOG_SIGMOID[i] = (float) logSigmoid(x);
      LOG_SIGMOID_DOUBLE[i] = logSigmoid(x);
      LOG_SIGMOID_SLOPE[i] = sigmoid(-x) / CELLS_PER_UNIT;
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
    return (float) logSigmoidBeyondTable(x);
  }

  /**
   * {@link #logSigmoid(double)} from the table within [-8, 8), for a loss's value: in double (the
   * float result's rounding, an ulp of 8 is 9.5e-7, showed in a gradient check's finite
   * differences), and interpolated as a cubic Hermite spline through the nodes' values and slopes,
   * so that its derivative agrees with {@code 1 - sigmoid(x)} of {@link #sigmoid(float)} as a
   * loss's reported gradient does. Linear interpolation left the two up to 3e-5 apart per term.
   *
   * @since API 1.1
   */
  public static double logSigmoidAsDouble(float x) {
    // In double: a float position is quantised to 1e-4 of a cell near the table's top, which
    // moves the value by 5e-7.
    double position = ((double) x + RANGE) * CELLS_PER_UNIT;
    if (position >= 0 && position < CELLS) {
      int cell = (int) position;
      double t = position - cell;
      double t2 = t * t;
      double t3 = t2 * t;
      return (2 * t3 - 3 * t2 + 1) * LOG_SIGMOID_DOUBLE[cell]
          + (t3 - 2 * t2 + t) * LOG_SIGMOID_SLOPE[cell]
          + (3 * t2 - 2 * t3) * LOG_SIGMOID_DOUBLE[cell + 1]
          + (t3 - t2) * LOG_SIGMOID_SLOPE[cell + 1];
    }
    return logSigmoidBeyondTable(x);
  }

  /**
   * log(sigmoid(x)) for |x| at least 8 (or NaN): there e^-|x| is below 3.4e-4, so log1p(t) = t -
   * t^2/2 + t^3/3 to 3e-15, which spares the log1p that cost a run with large scores (CS224n's late
   * iterations) as much time as the rest of the loss.
   */
  private static double logSigmoidBeyondTable(double x) {
    if (!(Math.abs(x) >= RANGE)) {
      return logSigmoid(x); // NaN, and the top edge of the table, where x + 8 rounded up
    }
    double t = Math.exp(-Math.abs(x));
    double log1p = t * (1 - t * (0.5 - t / 3));
    return x >= 0 ? -log1p : x - log1p;
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
