package dev.w2v.core.projection;

import com.google.common.base.Preconditions;
import dev.w2v.core.vectors.WordVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Projects vectors onto the first two principal components of their centered set, for plots.
 *
 * <p>The eigen-decomposition runs on the smaller of the n x n Gram matrix and the d x d covariance
 * matrix by cyclic Jacobi rotations, in double precision, so 300-dimensional vectors of a few
 * hundred words take milliseconds.
 *
 * <p>Sign convention: a principal axis has no inherent direction, so each axis is oriented so that
 * the point farthest from the origin along it (the first such point on ties) has a positive
 * coordinate. Results are therefore deterministic.
 */
public final class PrincipalComponents {

  private PrincipalComponents() {}

  /**
   * Projects the given words of {@code vectors}.
   *
   * @throws dev.w2v.core.query.UnknownWordException if a word is not in the vocabulary
   */
  public static List<ProjectedWord> project(WordVectors vectors, List<String> words) {
    dev.w2v.core.query.VectorQueries lookup = dev.w2v.core.query.VectorQueries.of(vectors);
    int d = vectors.dim();
    float[] rows = new float[words.size() * d];
    for (int i = 0; i < words.size(); i++) {
      vectors.copyRow(lookup.rowOf(words.get(i)), rows, i * d);
    }
    double[][] xy = project(rows, words.size(), d);
    List<ProjectedWord> out = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      out.add(new ProjectedWord(words.get(i), xy[i][0], xy[i][1]));
    }
    return out;
  }

  /**
   * Projects {@code n} row-major rows of dimension {@code d} onto their first two principal
   * components. Returns n pairs {x, y}; components that do not exist (n < 3, d < 2, or all points
   * equal) are 0.
   */
  public static double[][] project(float[] rows, int n, int d) {
    Preconditions.checkArgument(
        rows.length == n * d, "rows has %s floats, n x d = %s", rows.length, n * d);
    double[][] x = new double[n][d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += rows[i * d + j];
      }
      mean /= Math.max(1, n);
      for (int i = 0; i < n; i++) {
        x[i][j] = rows[i * d + j] - mean;
      }
    }
    double[][] out = new double[n][2];
    if (n == 0) {
      return out;
    }
    boolean viaGram = n <= d;
    int m = viaGram ? n : d;
    double[][] s = new double[m][m];
    for (int a = 0; a < m; a++) {
      for (int b = a; b < m; b++) {
        double sum = 0;
        if (viaGram) {
          for (int j = 0; j < d; j++) {
            sum += x[a][j] * x[b][j];
          }
        } else {
          for (int i = 0; i < n; i++) {
            sum += x[i][a] * x[i][b];
          }
        }
        s[a][b] = sum;
        s[b][a] = sum;
      }
    }
    double[][] vectors = new double[m][m];
    double[] values = jacobi(s, vectors);
    int[] top = topTwo(values);
    for (int c = 0; c < 2 && c < m; c++) {
      int k = top[c];
      if (values[k] <= 1e-12 * Math.max(1, Math.abs(values[top[0]]))) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        double coordinate = 0;
        if (viaGram) {
          // X v = sqrt(lambda) u for a unit eigenvector u of X X^T
          coordinate = vectors[i][k] * Math.sqrt(values[k]);
        } else {
          for (int j = 0; j < d; j++) {
            coordinate += x[i][j] * vectors[j][k];
          }
        }
        out[i][c] = coordinate;
      }
      orient(out, c);
    }
    return out;
  }

  private static void orient(double[][] out, int c) {
    int far = 0;
    for (int i = 1; i < out.length; i++) {
      if (Math.abs(out[i][c]) > Math.abs(out[far][c]) + 1e-12) {
        far = i;
      }
    }
    if (out[far][c] < 0) {
      for (double[] p : out) {
        p[c] = -p[c];
      }
    }
  }

  private static int[] topTwo(double[] values) {
    int first = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[first]) {
        first = i;
      }
    }
    int second = first == 0 ? Math.min(1, values.length - 1) : 0;
    for (int i = 0; i < values.length; i++) {
      if (i != first && values[i] > values[second]) {
        second = i;
      }
    }
    return new int[] {first, second};
  }

  /**
   * Eigenvalues of the symmetric matrix {@code a} (destroyed), eigenvectors as the columns of
   * {@code v}, by cyclic Jacobi rotations until the off-diagonal mass is negligible.
   */
  static double[] jacobi(double[][] a, double[][] v) {
    int m = a.length;
    for (int i = 0; i < m; i++) {
      v[i][i] = 1;
    }
    double scale = 0;
    for (double[] row : a) {
      for (double e : row) {
        scale += e * e;
      }
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int p = 0; p < m; p++) {
        for (int q = p + 1; q < m; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off <= 1e-30 * Math.max(scale, Double.MIN_NORMAL)) {
        break;
      }
      for (int p = 0; p < m; p++) {
        for (int q = p + 1; q < m; q++) {
          if (a[p][q] == 0) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < m; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < m; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < m; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
          }
        }
      }
    }
    double[] values = new double[m];
    for (int i = 0; i < m; i++) {
      values[i] = a[i][i];
    }
    return values;
  }
}
