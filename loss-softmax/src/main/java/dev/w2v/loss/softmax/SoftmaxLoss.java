package dev.w2v.loss.softmax;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.VectorMath;
import java.util.random.RandomGenerator;

/**
 * Naive softmax over the whole vocabulary: J = -log softmax(U v)_o.
 *
 * <p>Gradients (see docs/math.md): with y_hat = softmax(U v), dJ/dv = U^T (y_hat - y) and, for
 * every row w, dJ/du_w = (y_hat_w - [w = o]) v: a scalar times v. Scores are shifted by their
 * maximum before exponentiation, so scores of +-1000 give finite values.
 */
final class SoftmaxLoss implements Loss {

  private final int dimension;
  private final int rows;

  SoftmaxLoss(int dimension, int rows) {
    this.dimension = dimension;
    this.rows = rows;
  }

  private static final class Scratch implements Loss.Scratch {
    final double[] scores;
    final float[] gradient;

    Scratch(int rows, int dimension) {
      scores = new double[rows];
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

  @Override
  public Loss.Scratch newScratch() {
    return new Scratch(rows, dimension);
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
    double[] scores = s.scores;
    float[] gradient = s.gradient;
    int d = dimension;

    double max = Double.NEGATIVE_INFINITY;
    for (int w = 0; w < rows; w++) {
      double score = VectorMath.dot(outputs, w * d, input, inputOffset, d);
      scores[w] = score;
      if (score > max) {
        max = score;
      }
    }
    double sum = 0;
    for (int w = 0; w < rows; w++) {
      sum += Math.exp(scores[w] - max);
    }
    double logNormalizer = max + Math.log(sum);
    double loss = logNormalizer - scores[target];

    // Every row enters dJ/dv before any row's gradient is reported: the sink may apply reports
    // at once, and U^T (y_hat - y) needs the rows as they were.
    VectorMath.zero(gradient, 0, d);
    for (int w = 0; w < rows; w++) {
      double probability = Math.exp(scores[w] - logNormalizer);
      float coefficient = (float) (w == target ? probability - 1.0 : probability);
      scores[w] = coefficient;
      VectorMath.axpy(coefficient, outputs, w * d, gradient, 0, d);
    }
    for (int w = 0; w < rows; w++) {
      sink.outputGradient(w, (float) scores[w], input, inputOffset);
    }
    sink.inputGradient(gradient, 0);
    return loss;
  }
}
