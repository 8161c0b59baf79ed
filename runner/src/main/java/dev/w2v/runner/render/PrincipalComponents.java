package dev.w2v.runner.render;

/**
 * Projects points onto the first two principal components of their centered coordinates, as the
 * CS224n plot does with an SVD. Power iteration on the d x d covariance suffices: d is at most a
 * few hundred and only two components are needed.
 */
public final class PrincipalComponents {

  private PrincipalComponents() {}

  /**
   * @param rows n points of d coordinates each, row-major
   * @return {x[], y[]}: each point's coordinates on the first and second component; each
   *     component's sign is chosen so that its largest-magnitude loading is positive
   */
  public static double[][] project(float[] rows, int n, int d) {
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += rows[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= Math.max(1, n);
    }
    double[][] cov = new double[d][d];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        double xa = rows[i * d + a] - mean[a];
        for (int b = 0; b < d; b++) {
          cov[a][b] += xa * (rows[i * d + b] - mean[b]);
        }
      }
    }
    double[] first = dominant(cov, d);
    double lambda = rayleigh(cov, first);
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        cov[a][b] -= lambda * first[a] * first[b];
      }
    }
    double[] second = dominant(cov, d);
    double[][] xy = new double[2][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double centered = rows[i * d + j] - mean[j];
        xy[0][i] += centered * first[j];
        xy[1][i] += centered * second[j];
      }
    }
    return xy;
  }

  private static double[] dominant(double[][] m, int d) {
    double[] v = new double[d];
    for (int j = 0; j < d; j++) {
      v[j] = 1.0 + 0.01 * j; // not orthogonal to any plausible eigenvector
    }
    normalize(v);
    double[] next = new double[d];
    for (int iteration = 0; iteration < 1000; iteration++) {
      for (int a = 0; a < d; a++) {
        double s = 0;
        for (int b = 0; b < d; b++) {
          s += m[a][b] * v[b];
        }
        next[a] = s;
      }
      if (normalize(next) == 0) {
        return v; // a zero matrix: every direction is as good
      }
      double change = 0;
      for (int j = 0; j < d; j++) {
        change = Math.max(change, Math.abs(next[j] - v[j]));
      }
      System.arraycopy(next, 0, v, 0, d);
      if (change < 1e-12) {
        break;
      }
    }
    int largest = 0;
    for (int j = 1; j < d; j++) {
      if (Math.abs(v[j]) > Math.abs(v[largest])) {
        largest = j;
      }
    }
    if (v[largest] < 0) {
      for (int j = 0; j < d; j++) {
        v[j] = -v[j];
      }
    }
    return v;
  }

  private static double rayleigh(double[][] m, double[] v) {
    double s = 0;
    for (int a = 0; a < v.length; a++) {
      for (int b = 0; b < v.length; b++) {
        s += v[a] * m[a][b] * v[b];
      }
    }
    return s;
  }

  private static double normalize(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] /= norm;
      }
    }
    return norm;
  }
}
