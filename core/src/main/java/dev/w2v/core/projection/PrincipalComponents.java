package dev.w2v.core.projection;

import com.google.common.base.Preconditions;
import dev.w2v.core.vectors.WordVectors;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Projects vectors onto the first two principal components of their centered set, for plots.
 *
 * <p>The components come from EJML's singular value decomposition of the centered n x d matrix, in
 * double precision, so 300-dimensional vectors of a few hundred words take milliseconds.
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
    double[][] out = new double[n][2];
    if (n == 0 || d == 0) {
      return out;
    }
    DMatrixRMaj x = new DMatrixRMaj(n, d);
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += rows[i * d + j];
      }
      mean /= n;
      for (int i = 0; i < n; i++) {
        x.unsafe_set(i, j, rows[i * d + j] - mean);
      }
    }
    // The centered X = U S V^T: a point's coordinate on component k is U[i][k] * s_k, so only U
    // and the singular values are needed, never the d x d covariance.
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(n, d, true, false, true);
    if (!svd.decompose(x)) {
      throw new IllegalStateException("the SVD of a " + n + " x " + d + " matrix did not converge");
    }
    double[] singular = svd.getSingularValues();
    DMatrixRMaj u = svd.getU(null, false);
    int[] top = topTwo(singular, svd.numberOfSingularValues());
    for (int c = 0; c < 2 && top[c] >= 0; c++) {
      int k = top[c];
      // a direction with (numerically) no spread is no component: leave its coordinates 0
      if (singular[k] <= 1e-6 * singular[top[0]]) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        out[i][c] = u.get(i, k) * singular[k];
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

  /** Indexes of the two largest of the first {@code count} values, -1 where there are fewer. */
  private static int[] topTwo(double[] values, int count) {
    int first = -1;
    int second = -1;
    for (int i = 0; i < count; i++) {
      if (first < 0 || values[i] > values[first]) {
        second = first;
        first = i;
      } else if (second < 0 || values[i] > values[second]) {
        second = i;
      }
    }
    return new int[] {first, second};
  }
}
