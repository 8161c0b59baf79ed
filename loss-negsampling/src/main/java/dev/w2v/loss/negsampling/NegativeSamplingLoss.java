package dev.w2v.loss.negsampling;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.Sampler;
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

    Scratch(int dimension) {
      gradient = new float[dimension];
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
    return new Scratch(dimension);
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
    float[] gradient = ((Scratch) scratch).gradient;
    int d = dimension;
    VectorMath.zero(gradient, 0, d);

    int row = target * d;
    float score = VectorMath.dot(outputs, row, input, inputOffset, d);
    // One exp serves both the sigmoid and the log-sigmoid: e = exp(-|x|), and
    // -log s(x) = max(-x, 0) + log(1 + e), -log s(-x) = max(x, 0) + log(1 + e). Math.log is an
    // intrinsic and log1p is not; with e <= 1 the difference is below 1e-16 in absolute terms.
    double e = Math.exp(-Math.abs(score));
    double loss = Math.max(-score, 0.0) + Math.log(1.0 + e);
    float coefficient = (float) (sigmoid(score, e) - 1.0);
    // The row is read into the input gradient before its own gradient is reported, because the
    // sink may apply that report at once.
    VectorMath.axpy(coefficient, outputs, row, gradient, 0, d);
    sink.outputGradient(target, coefficient, input, inputOffset);

    for (int k = 0; k < negatives; k++) {
      int negative = draw(target, random);
      row = negative * d;
      score = VectorMath.dot(outputs, row, input, inputOffset, d);
      e = Math.exp(-Math.abs(score));
      loss += Math.max(score, 0.0) + Math.log(1.0 + e);
      coefficient = (float) sigmoid(score, e);
      VectorMath.axpy(coefficient, outputs, row, gradient, 0, d);
      sink.outputGradient(negative, coefficient, input, inputOffset);
    }
    sink.inputGradient(gradient, 0);
    return loss;
  }

  /** s(x) given e = exp(-|x|), stable for any x. */
  private static double sigmoid(double x, double e) {
    return x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
  }

  private int draw(int target, RandomGenerator random) {
    for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
      int word = sampler.sample(random);
      if (word != target) {
        return word;
      }
    }
    throw new IllegalStateException(
        "negsampling: the sampler returned the target word " + target + " " + MAX_REDRAWS
            + " times in a row; it cannot supply negatives for this vocabulary");
  }
}
