package dev.w2v.core.query;

import com.google.common.base.Preconditions;
import dev.w2v.api.VectorMath;
import dev.w2v.core.vectors.WordVectors;
import java.util.stream.IntStream;

/**
 * The unit-normalized first rows of a {@link WordVectors}, row-major, for batched similarity
 * search: each row is read once for four queries at a time ({@link VectorMath#dot4}, SIMD where the
 * JVM has the Vector API), and groups of four queries are spread over the available cores.
 *
 * <p>Zero rows stay zero, so they score 0 against every query. Immutable and thread-safe; a {@link
 * #search} call's scratch space is its own.
 */
public final class CosineIndex {

  /** Queries scored together against each row. */
  private static final int GROUP = 4;

  /** Rows per tile: at d = 300, 128 rows are 150 KB and stay in the L2 cache. */
  private static final int TILE = 128;

  private final WordVectors vectors;
  private final int rows;
  private final int dim;
  private final float[] unit;

  private CosineIndex(WordVectors vectors, int rows, float[] unit) {
    this.vectors = vectors;
    this.rows = rows;
    this.dim = vectors.dim();
    this.unit = unit;
  }

  /** Indexes the first {@code restrict} rows of {@code vectors} (all rows if fewer). */
  public static CosineIndex of(WordVectors vectors, int restrict) {
    Preconditions.checkArgument(restrict > 0, "restrict must be positive, got %s", restrict);
    int n = Math.min(restrict, vectors.size());
    int d = vectors.dim();
    float[] unit = new float[n * d];
    for (int i = 0; i < n; i++) {
      vectors.copyRow(i, unit, i * d);
      double sum = 0;
      for (int j = 0; j < d; j++) {
        sum += (double) unit[i * d + j] * unit[i * d + j];
      }
      double norm = Math.sqrt(sum);
      for (int j = 0; j < d; j++) {
        unit[i * d + j] = norm > 0 ? (float) (unit[i * d + j] / norm) : 0f;
      }
    }
    return new CosineIndex(vectors, n, unit);
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
      out[offset + j] += weight * unit[row * dim + j];
    }
  }

  /**
   * Scores {@code count} queries (row-major in {@code queries}, {@code dim} floats each) against
   * every indexed row by dot product and keeps each query's best rows in {@code results[q]}
   * (cleared first). Row {@code excluded[q * excludedPerQuery + e]} is never kept for query q; use
   * -1 for "none". With unit-length queries the scores are cosine similarities.
   */
  public void search(
      float[] queries, int count, int[] excluded, int excludedPerQuery, TopK[] results) {
    Preconditions.checkArgument(queries.length >= count * dim, "queries too short");
    int groups = (count + GROUP - 1) / GROUP;
    int workers = Math.max(1, Math.min(groups, Runtime.getRuntime().availableProcessors()));
    // Each worker takes a contiguous share of the groups and streams the rows once for all of
    // them, a tile at a time, so a tile read into cache serves every query of the share.
    IntStream.range(0, workers)
        .parallel()
        .forEach(
            w ->
                searchGroups(
                    queries,
                    count,
                    groups * w / workers,
                    groups * (w + 1) / workers,
                    excluded,
                    excludedPerQuery,
                    results));
  }

  private void searchGroups(
      float[] queries,
      int count,
      int fromGroup,
      int toGroup,
      int[] excluded,
      int excludedPerQuery,
      TopK[] results) {
    int[] offsets = new int[(toGroup - fromGroup) * GROUP];
    for (int g = fromGroup; g < toGroup; g++) {
      int first = g * GROUP;
      int group = Math.min(GROUP, count - first);
      for (int k = 0; k < GROUP; k++) {
        // A short group repeats its last query so the kernel always scores four.
        offsets[(g - fromGroup) * GROUP + k] = (first + Math.min(k, group - 1)) * dim;
      }
      for (int k = 0; k < group; k++) {
        results[first + k].clear();
      }
    }
    float[] scores = new float[GROUP];
    for (int start = 0; start < rows; start += TILE) {
      int end = Math.min(rows, start + TILE);
      for (int g = fromGroup; g < toGroup; g++) {
        int first = g * GROUP;
        int group = Math.min(GROUP, count - first);
        int o = (g - fromGroup) * GROUP;
        for (int r = start; r < end; r++) {
          VectorMath.dot4(
              unit,
              r * dim,
              queries,
              offsets[o],
              offsets[o + 1],
              offsets[o + 2],
              offsets[o + 3],
              dim,
              scores,
              0);
          for (int k = 0; k < group; k++) {
            int q = first + k;
            TopK top = results[q];
            if (scores[k] > top.threshold()
                && !isExcluded(excluded, q * excludedPerQuery, excludedPerQuery, r)) {
              top.offer(r, scores[k]);
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
