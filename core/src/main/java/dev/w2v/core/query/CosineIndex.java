package dev.w2v.core.query;

import com.google.common.base.Preconditions;
import dev.w2v.core.vectors.WordVectors;

/**
 * The unit-normalized first rows of a {@link WordVectors}, laid out column-major (component j of
 * every row is contiguous) so that scoring a block of queries against the whole vocabulary is a
 * matrix product whose inner loop runs over contiguous floats, which the JIT vectorizes.
 *
 * <p>Zero rows stay zero, so they score 0 against every query. Immutable and thread-safe; a
 * {@link #search} call's scratch space is its own.
 */
public final class CosineIndex {

  /** Vocabulary rows scored per tile: the tile's d x 512 floats stay in the L2 cache. */
  private static final int TILE = 512;

  private final WordVectors vectors;
  private final int rows;
  private final int dim;
  private final float[] columns;

  private CosineIndex(WordVectors vectors, int rows, float[] columns) {
    this.vectors = vectors;
    this.rows = rows;
    this.dim = vectors.dim();
    this.columns = columns;
  }

  /** Indexes the first {@code restrict} rows of {@code vectors} (all rows if fewer). */
  public static CosineIndex of(WordVectors vectors, int restrict) {
    Preconditions.checkArgument(restrict > 0, "restrict must be positive, got %s", restrict);
    int n = Math.min(restrict, vectors.size());
    int d = vectors.dim();
    float[] columns = new float[n * d];
    float[] row = new float[d];
    for (int i = 0; i < n; i++) {
      vectors.copyRow(i, row, 0);
      double sum = 0;
      for (int j = 0; j < d; j++) {
        sum += (double) row[j] * row[j];
      }
      double norm = Math.sqrt(sum);
      if (norm > 0) {
        for (int j = 0; j < d; j++) {
          columns[j * n + i] = (float) (row[j] / norm);
        }
      }
    }
    return new CosineIndex(vectors, n, columns);
  }

  /** The vectors this index was built from (all rows, not only the indexed ones). */
  public WordVectors vectors() {
    return vectors;
  }

  /** Number of indexed rows. */
  public int size() {
    return rows;
  }

  /** Vector dimension. */
  public int dim() {
    return dim;
  }

  /** Adds {@code weight} times the unit vector of indexed row {@code row} to {@code out}. */
  public void addUnitRow(int row, float weight, float[] out, int offset) {
    Preconditions.checkElementIndex(row, rows, "row");
    for (int j = 0; j < dim; j++) {
      out[offset + j] += weight * columns[j * rows + row];
    }
  }

  /**
   * Scores {@code count} queries (row-major in {@code queries}, {@code dim} floats each) against
   * every indexed row by dot product and keeps each query's best rows in {@code results[q]}
   * (cleared first). Row {@code excluded[q * excludedPerQuery + e]} is never kept for query q;
   * use -1 for "none". With unit-length queries the scores are cosine similarities.
   */
  public void search(float[] queries, int count, int[] excluded, int excludedPerQuery,
      TopK[] results) {
    Preconditions.checkArgument(queries.length >= count * dim, "queries too short");
    for (int q = 0; q < count; q++) {
      results[q].clear();
    }
    float[] scores = new float[Math.min(TILE, rows)];
    for (int start = 0; start < rows; start += TILE) {
      int width = Math.min(TILE, rows - start);
      for (int q = 0; q < count; q++) {
        java.util.Arrays.fill(scores, 0, width, 0f);
        int qBase = q * dim;
        for (int j = 0; j < dim; j++) {
          float qj = queries[qBase + j];
          if (qj == 0f) {
            continue;
          }
          int cBase = j * rows + start;
          // saxpy over contiguous floats: the loop the JIT turns into SIMD instructions
          for (int r = 0; r < width; r++) {
            scores[r] += qj * columns[cBase + r];
          }
        }
        TopK top = results[q];
        for (int r = 0; r < width; r++) {
          float s = scores[r];
          if (s > top.threshold()) {
            int row = start + r;
            if (!isExcluded(excluded, q * excludedPerQuery, excludedPerQuery, row)) {
              top.offer(row, s);
            }
          }
        }
      }
    }
  }

  private static boolean isExcluded(int[] excluded, int from, int count, int row) {
    for (int e = from; e < from + count; e++) {
      if (excluded[e] == row) {
        return true;
      }
    }
    return false;
  }
}
