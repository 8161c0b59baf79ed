package dev.w2v.loss.negsampling;

import dev.w2v.api.BatchedLoss;
import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.Sampler;
import dev.w2v.api.Sigmoid;
import dev.w2v.api.VectorMath;
import java.util.random.RandomGenerator;

/**
 * Negative sampling: J = -log s(u_o.v) - sum_{k=1..K} log s(-u_k.v), with K negatives drawn from
 * the sampler and any negative equal to the target drawn again, as CS224n does.
 *
 * <p>Gradients (see docs/math.md): dJ/dv = (s(u_o.v) - 1) u_o + sum_k s(u_k.v) u_k; dJ/du_o =
 * (s(u_o.v) - 1) v; dJ/du_k = s(u_k.v) v for each draw of k, so a word drawn twice is reported
 * twice.
 *
 * <p>Batched ({@link BatchedLoss}): the K negatives are drawn once for all inputs of a call, as one
 * per-pair call draws them, and redrawn if equal to any input's target. The call then computes the
 * M x (K+1) scores, the M input gradients and the K+1 row gradients as three small matrix products,
 * so each of the K+1 output rows is fetched once for all M inputs.
 */
final class NegativeSamplingLoss implements BatchedLoss {

  /** Bounds the redraws of a negative equal to the target, so a degenerate sampler fails loudly. */
  static final int MAX_REDRAWS = 1000;

  private final int dimension;
  private final int rows;
  private final int negatives;
  private final Sampler sampler;

  NegativeSamplingLoss(int dimension, int rows, int negatives, Sampler sampler) {
    this.dimension = dimension;
    this.rows = rows;
    this.negatives = negatives;
    this.sampler = sampler;
  }

  private static final class Scratch implements Loss.Scratch {
    final float[] gradient;
    final int[] drawn;

    /** Keeps the reads of {@link #touch} alive; per thread, so no cache line is shared. */
    float touched;

    // For batched calls of up to maxInputs inputs (empty for a per-pair scratch).
    final int maxInputs;

    /**
     * Coefficients dJ/d(score), input after input: [m*(K+1)] the target's, then each negative's.
     */
    final float[] coefficients;

    /** Offsets of the rows one input's gradient combines: its target's, then the negatives'. */
    final int[] rows;

    /** One row's summed gradient over the inputs, before it is reported. */
    final float[] rowGradient;

    final float[] four = new float[4];

    Scratch(int dimension, int negatives, int maxInputs) {
      gradient = new float[dimension];
      drawn = new int[negatives];
      this.maxInputs = maxInputs;
      coefficients = new float[maxInputs * (negatives + 1)];
      rows = new int[negatives + 1];
      rowGradient = new float[maxInputs > 0 ? dimension : 0];
    }
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int outputRows() {
    return rows;
  }

  /** K, the number of negatives per target. */
  int negatives() {
    return negatives;
  }

  @Override
  public Loss.Scratch newScratch() {
    return new Scratch(dimension, negatives, 0);
  }

  @Override
  public Loss.Scratch newScratch(int maxInputs) {
    if (maxInputs < 1) {
      throw new IllegalArgumentException("maxInputs must be at least 1, was " + maxInputs);
    }
    return new Scratch(dimension, negatives, maxInputs);
  }

  @Override
  public double lossAndGradient(
      Loss.Scratch scratch,
      float[] input,
      int inputOffset,
      int target,
      float[] outputs,
      RandomGenerator random,
      GradientSink sink) {
    Scratch s = (Scratch) scratch;
    float[] gradient = s.gradient;
    int[] drawn = s.drawn;
    int d = dimension;
    // Draw every negative and read one float per cache line of each row before any arithmetic, so
    // that the memory system fetches all K+1 rows at once instead of one miss after another.
    float touched = touch(outputs, target * d, d);
    for (int k = 0; k < negatives; k++) {
      drawn[k] = draw(target, random);
      touched += touch(outputs, drawn[k] * d, d);
    }
    s.touched = touched;
    VectorMath.zero(gradient, 0, d);

    int row = target * d;
    float score = VectorMath.dot(outputs, row, input, inputOffset, d);
    // The float sigmoids come from tables: an exp and a log per row would cost a third of the
    // training time.
    double loss = -Sigmoid.logSigmoidAsDouble(score);
    float coefficient = Sigmoid.sigmoid(score) - 1f;
    // The row is read into the input gradient before its own gradient is reported, because the
    // sink may apply that report at once.
    VectorMath.axpy(coefficient, outputs, row, gradient, 0, d);
    sink.outputGradient(target, coefficient, input, inputOffset);

    for (int k = 0; k < negatives; k++) {
      int negative = drawn[k];
      row = negative * d;
      score = VectorMath.dot(outputs, row, input, inputOffset, d);
      loss -= Sigmoid.logSigmoidAsDouble(-score);
      coefficient = Sigmoid.sigmoid(score);
      VectorMath.axpy(coefficient, outputs, row, gradient, 0, d);
      sink.outputGradient(negative, coefficient, input, inputOffset);
    }
    sink.inputGradient(gradient, 0);
    return loss;
  }

  @Override
  public double batchLossAndGradient(
      Loss.Scratch scratch,
      float[] inputs,
      int[] inputOffsets,
      int[] targets,
      int count,
      float[] outputs,
      float[][] extras,
      RandomGenerator random,
      float[] inputGradients,
      GradientSink sink) {
    Scratch s = (Scratch) scratch;
    if (count > s.maxInputs) {
      throw new IllegalArgumentException(
          "a batch of "
              + count
              + " inputs, but the scratch was made for "
              + s.maxInputs
              + "; use newScratch(maxInputs)");
    }
    int d = dimension;
    int k1 = negatives + 1;
    int[] drawn = s.drawn;
    int[] rows = s.rows;
    float[] g = s.coefficients;
    // Every row this call needs is requested before any arithmetic, as in the per-pair call.
    float touched = 0f;
    for (int m = 0; m < count; m++) {
      if (m == 0 || targets[m] != targets[m - 1]) {
        touched += touch(outputs, targets[m] * d, d);
      }
    }
    for (int k = 0; k < negatives; k++) {
      drawn[k] = draw(targets, count, random);
      rows[k + 1] = drawn[k] * d;
      touched += touch(outputs, rows[k + 1], d);
    }
    s.touched = touched;

    // Scores and their coefficients: each negative row against four inputs at a time.
    double loss = 0;
    for (int m = 0; m < count; m++) {
      float score = VectorMath.dot(outputs, targets[m] * d, inputs, inputOffsets[m], d);
      loss -= Sigmoid.logSigmoidAsDouble(score);
      g[m * k1] = Sigmoid.sigmoid(score) - 1f;
    }
    float[] four = s.four;
    for (int k = 0; k < negatives; k++) {
      int row = rows[k + 1];
      int m = 0;
      for (; m + 4 <= count; m += 4) {
        VectorMath.dot4(
            outputs,
            row,
            inputs,
            inputOffsets[m],
            inputOffsets[m + 1],
            inputOffsets[m + 2],
            inputOffsets[m + 3],
            d,
            four,
            0);
        for (int i = 0; i < 4; i++) {
          loss -= Sigmoid.logSigmoidAsDouble(-four[i]);
          g[(m + i) * k1 + k + 1] = Sigmoid.sigmoid(four[i]);
        }
      }
      for (; m < count; m++) {
        float score = VectorMath.dot(outputs, row, inputs, inputOffsets[m], d);
        loss -= Sigmoid.logSigmoidAsDouble(-score);
        g[m * k1 + k + 1] = Sigmoid.sigmoid(score);
      }
    }

    // dJ/d(input m) = sum over its K+1 rows of coefficient x row, from the rows as they are now.
    for (int m = 0; m < count; m++) {
      rows[0] = targets[m] * d;
      VectorMath.zero(inputGradients, m * d, d);
      VectorMath.combine(g, m * k1, 1, k1, outputs, rows, inputGradients, m * d, d);
    }

    // Only now the rows' reports, which may move the rows: nothing reads a row after this.
    float[] rowGradient = s.rowGradient;
    for (int k = 0; k < negatives; k++) {
      VectorMath.zero(rowGradient, 0, d);
      VectorMath.combine(g, k + 1, k1, count, inputs, inputOffsets, rowGradient, 0, d);
      sink.outputGradient(drawn[k], 1f, rowGradient, 0);
    }
    for (int m = 0; m < count; ) {
      int target = targets[m];
      int run = 1;
      while (m + run < count && targets[m + run] == target) {
        run++;
      }
      if (run == 1) {
        sink.outputGradient(target, g[m * k1], inputs, inputOffsets[m]);
      } else {
        VectorMath.zero(rowGradient, 0, d);
        // The run's inputs are inputOffsets[m, m+run): combine reads offsets from index 0, so
        // the run goes through one input at a time.
        for (int i = m; i < m + run; i++) {
          VectorMath.axpy(g[i * k1], inputs, inputOffsets[i], rowGradient, 0, d);
        }
        sink.outputGradient(target, 1f, rowGradient, 0);
      }
      m += run;
    }
    return loss;
  }

  private static float touch(float[] array, int offset, int length) {
    float sum = 0f;
    for (int i = 0; i < length; i += 16) {
      sum += array[offset + i];
    }
    return sum + array[offset + length - 1];
  }

  /** A negative for a batch: drawn again while it equals any input's target. */
  private int draw(int[] targets, int count, RandomGenerator random) {
    for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
      int word = sampler.sample(random);
      if (!contains(targets, count, word)) {
        return word;
      }
    }
    throw new IllegalStateException(
        "negsampling: the sampler returned a target word of the batch "
            + MAX_REDRAWS
            + " times in a row; it cannot supply negatives for this vocabulary");
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  private int draw(int target, RandomGenerator random) {
    for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
      int word = sampler.sample(random);
      if (word != target) {
        return word;
      }
    }
    throw new IllegalStateException(
        "negsampling: the sampler returned the target word "
            + target
            + " "
            + MAX_REDRAWS
            + " times in a row; it cannot supply negatives for this vocabulary");
  }
}
