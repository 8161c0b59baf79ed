package dev.w2v.core.eval;

import com.google.common.base.Preconditions;
import java.util.Arrays;

/** Correlation coefficients between two equally long samples. */
public final class Correlation {

  private Correlation() {}

  /**
   * Spearman's rank correlation: Pearson's correlation of the ranks, tied values getting the mean
   * of the ranks they span (as {@code scipy.stats.spearmanr} does). NaN if either sample is
   * constant.
   */
  public static double spearman(double[] x, double[] y) {
    Preconditions.checkArgument(
        x.length == y.length, "samples differ in length: %s vs %s", x.length, y.length);
    return pearson(ranks(x), ranks(y));
  }

  /** Pearson's product-moment correlation; NaN if either sample is constant or shorter than 2. */
  public static double pearson(double[] x, double[] y) {
    Preconditions.checkArgument(
        x.length == y.length, "samples differ in length: %s vs %s", x.length, y.length);
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  /** Ranks starting at 1; a group of equal values all get the mean of the ranks they occupy. */
  public static double[] ranks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      // positions i..j (0-based) hold ranks i+1..j+1, whose mean is (i + j) / 2 + 1
      double mean = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = mean;
      }
      i = j + 1;
    }
    return ranks;
  }
}
