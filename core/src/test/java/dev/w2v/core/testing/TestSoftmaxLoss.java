package dev.w2v.core.testing;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import java.util.random.RandomGenerator;

/**
 * A plain full-softmax loss for core's own tests, which may not depend on the loss modules.
 * Deliberately simple (double precision, no tricks) so that tests of trainers and of the gradient
 * checker rest on an obviously correct loss.
 */
public final class TestSoftmaxLoss implements Loss {

  private final int rows;
  private final int dim;

  public TestSoftmaxLoss(int rows, int dim) {
    this.rows = rows;
    this.dim = dim;
  }

  private static final class Scratch implements Loss.Scratch {
    final double[] scores;
    final float[] gradient;

    Scratch(int rows, int dim) {
      scores = new double[rows];
      gradient = new float[dim];
    }
  }

  @Override
  public int dimension() {
    return dim;
  }

  @Override
  public int outputRows() {
    return rows;
  }

  @Override
  public Loss.Scratch newScratch() {
    return new Scratch(rows, dim);
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
    double max = Double.NEGATIVE_INFINITY;
    for (int w = 0; w < rows; w++) {
      double dot = 0;
      for (int j = 0; j < dim; j++) {
        dot += (double) outputs[w * dim + j] * input[inputOffset + j];
      }
      s.scores[w] = dot;
      max = Math.max(max, dot);
    }
    double sum = 0;
    for (int w = 0; w < rows; w++) {
      sum += Math.exp(s.scores[w] - max);
    }
    double logZ = max + Math.log(sum);
    double loss = logZ - s.scores[target];
    java.util.Arrays.fill(s.gradient, 0f);
    for (int w = 0; w < rows; w++) {
      double p = Math.exp(s.scores[w] - logZ);
      double coefficient = w == target ? p - 1 : p;
      for (int j = 0; j < dim; j++) {
        s.gradient[j] += (float) (coefficient * outputs[w * dim + j]);
      }
      sink.outputGradient(w, (float) coefficient, input, inputOffset);
    }
    sink.inputGradient(s.gradient, 0);
    return loss;
  }
}
