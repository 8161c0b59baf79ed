package dev.w2v.api;

/**
 * The logistic function and its logarithm, stable for arguments of any size: {@code
 * logSigmoid(-1000)} is -1000, not -infinity, and {@code sigmoid(1000)} is 1, not NaN.
 */
public final class Sigmoid {

  private Sigmoid() {}

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
