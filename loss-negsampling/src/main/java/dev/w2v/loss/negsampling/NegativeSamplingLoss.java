package dev.w2v.loss.negsampling;

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
 */
final class NegativeSamplingLoss implements Loss {

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

    Scratch(int dimension, int negatives) {
      gradient = new float[dimension];
      drawn = new int[negatives];
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
    return new Scratch(dimension, negatives);
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

  private static float touch(float[] array, int offset, int length) {
    float sum = 0f;
    for (int i = 0; i < length; i += 16) {
      sum += array[offset + i];
    }
    return sum + array[offset + length - 1];
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
