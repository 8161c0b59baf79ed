package dev.w2v.core.query;

import java.util.Arrays;

/**
 * Keeps the {@code k} highest-scoring rows seen so far in a bounded min-heap, so scanning a
 * vocabulary of V rows costs O(V log k) and allocates nothing per offer. Reusable via {@link
 * #clear()}; not thread-safe.
 */
public final class TopK {

  private final int k;
  private final int[] rows;
  private final float[] scores;
  private int size;

  /** A collector for the best {@code k} rows; {@code k} must be positive. */
  public TopK(int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive, got " + k);
    }
    this.k = k;
    this.rows = new int[k];
    this.scores = new float[k];
  }

  /** Forgets all rows. */
  public void clear() {
    size = 0;
  }

  /** The lowest score kept once full, else negative infinity: a cheap pre-check for callers. */
  public float threshold() {
    return size < k ? Float.NEGATIVE_INFINITY : scores[0];
  }

  /**
   * Offers a row. Among equal scores the row offered first wins, so scanning rows in order prefers
   * the more frequent word.
   */
  public void offer(int row, float score) {
    if (size < k) {
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!worse(score, row, scores[parent], rows[parent])) {
          break;
        }
        scores[i] = scores[parent];
        rows[i] = rows[parent];
        i = parent;
      }
      scores[i] = score;
      rows[i] = row;
    } else if (score > scores[0]) {
      siftDown(row, score);
    }
  }

  /** True if (s1, r1) ranks below (s2, r2): lower score, or equal score and later row. */
  private static boolean worse(float s1, int r1, float s2, int r2) {
    return s1 < s2 || (s1 == s2 && r1 > r2);
  }

  private void siftDown(int row, float score) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size
          && worse(scores[child + 1], rows[child + 1], scores[child], rows[child])) {
        child++;
      }
      if (!worse(scores[child], rows[child], score, row)) {
        break;
      }
      scores[i] = scores[child];
      rows[i] = rows[child];
      i = child;
    }
    scores[i] = score;
    rows[i] = row;
  }

  /** Number of rows kept. */
  public int size() {
    return size;
  }

  /** The kept rows, best first (ties: earlier row first). Allocates the result. */
  public int[] rowsBestFirst() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) ->
            worse(scores[a], rows[a], scores[b], rows[b])
                ? 1
                : worse(scores[b], rows[b], scores[a], rows[a]) ? -1 : 0);
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = rows[order[i]];
    }
    return out;
  }

  /** The score of a kept row, or NaN if it is not kept. */
  public float scoreOf(int row) {
    for (int i = 0; i < size; i++) {
      if (rows[i] == row) {
        return scores[i];
      }
    }
    return Float.NaN;
  }
}
