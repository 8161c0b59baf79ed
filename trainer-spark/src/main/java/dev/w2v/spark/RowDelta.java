package dev.w2v.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The change one or more tasks made to one matrix in a round, row by row: only the rows that
 * changed travel, each with how many tasks changed it. A task of a round touches the input rows of
 * the words in its share and the output rows of their targets and negatives, often far fewer than
 * the vocabulary. Rows are in ascending order, so two deltas merge in one pass.
 */
final class RowDelta implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int dimension;
  private final int[] rows;
  private final float[] values;
  private final int[] tasks;

  private RowDelta(int dimension, int[] rows, float[] values, int[] tasks) {
    this.dimension = dimension;
    this.rows = rows;
    this.values = values;
    this.tasks = tasks;
  }

  /** The rows where {@code after} differs from {@code before}, with the differences. */
  static RowDelta between(ModelBytes.Reader before, float[] after, int dimension) {
    int rowsTotal = after.length / dimension;
    int[] changed = new int[16];
    float[] diff = new float[16 * dimension];
    int n = 0;
    float[] row = new float[dimension];
    for (int r = 0; r < rowsTotal; r++) {
      long base = (long) r * dimension;
      boolean any = false;
      for (int j = 0; j < dimension; j++) {
        float d = after[(int) base + j] - before.get(base + j);
        row[j] = d;
        any |= d != 0f;
      }
      if (!any) {
        continue;
      }
      if (n == changed.length) {
        changed = Arrays.copyOf(changed, 2 * n);
        diff = Arrays.copyOf(diff, 2 * n * dimension);
      }
      changed[n] = r;
      System.arraycopy(row, 0, diff, n * dimension, dimension);
      n++;
    }
    int[] ones = new int[n];
    Arrays.fill(ones, 1);
    return new RowDelta(
        dimension, Arrays.copyOf(changed, n), Arrays.copyOf(diff, n * dimension), ones);
  }

  /** No change. */
  static RowDelta empty(int dimension) {
    return new RowDelta(dimension, new int[0], new float[0], new int[0]);
  }

  /**
   * The changes of both, summed where both changed a row. Float addition is commutative, so the
   * result depends only on the order in which a caller folds several deltas, which it fixes.
   */
  RowDelta plus(RowDelta other) {
    if (other.dimension != dimension) {
      throw new IllegalArgumentException("dimensions " + dimension + " and " + other.dimension);
    }
    int d = dimension;
    int[] outRows = new int[rows.length + other.rows.length];
    float[] outValues = new float[outRows.length * d];
    int[] outTasks = new int[outRows.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < rows.length || j < other.rows.length) {
      int a = i < rows.length ? rows[i] : Integer.MAX_VALUE;
      int b = j < other.rows.length ? other.rows[j] : Integer.MAX_VALUE;
      if (a < b) {
        System.arraycopy(values, i * d, outValues, n * d, d);
        outRows[n] = a;
        outTasks[n++] = tasks[i++];
      } else if (b < a) {
        System.arraycopy(other.values, j * d, outValues, n * d, d);
        outRows[n] = b;
        outTasks[n++] = other.tasks[j++];
      } else {
        for (int k = 0; k < d; k++) {
          outValues[n * d + k] = values[i * d + k] + other.values[j * d + k];
        }
        outRows[n] = a;
        outTasks[n++] = tasks[i++] + other.tasks[j++];
      }
    }
    return new RowDelta(
        d, Arrays.copyOf(outRows, n), Arrays.copyOf(outValues, n * d), Arrays.copyOf(outTasks, n));
  }

  /**
   * Adds the change to {@code matrix}: the sum, or for {@link SparkConfig.Merge#AVERAGE} the mean
   * over the tasks that changed each row.
   */
  void applyTo(float[] matrix, SparkConfig.Merge merge) {
    int d = dimension;
    for (int i = 0; i < rows.length; i++) {
      float scale = merge == SparkConfig.Merge.AVERAGE ? 1f / tasks[i] : 1f;
      int at = rows[i] * d;
      for (int k = 0; k < d; k++) {
        matrix[at + k] += scale * values[i * d + k];
      }
    }
  }

  /** How many rows changed. */
  int rows() {
    return rows.length;
  }

  /** The bytes this delta takes on the wire, roughly. */
  long bytes() {
    return 4L * (rows.length * 2L + values.length);
  }

  /** Whether every value is finite. */
  boolean finite() {
    for (float v : values) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
