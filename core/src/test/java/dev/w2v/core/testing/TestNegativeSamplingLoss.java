package dev.w2v.core.testing;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.Sampler;
import dev.w2v.api.VectorMath;
import java.util.random.RandomGenerator;

/**
 * word2vec's negative sampling for core's tests and speed measurements (core may not depend on the
 * loss modules): J = -log sigma(u_o.h) - sum_k log sigma(-u_k.h), k negatives drawn from the
 * sampler, a negative equal to the target skipped as word2vec C does. Uses {@link VectorMath} and a
 * sigmoid table clipped at +-6, as word2vec C does.
 */
public final class TestNegativeSamplingLoss implements Loss {

  private static final int TABLE_SIZE = 1024;
  private static final float MAX_EXP = 6f;
  private static final float[] SIGMOID = new float[TABLE_SIZE + 1];
  private static final float[] LOG_SIGMOID = new float[TABLE_SIZE + 1];

  static {
    for (int i = 0; i <= TABLE_SIZE; i++) {
      double x = (2.0 * i / TABLE_SIZE - 1) * MAX_EXP;
      SIGMOID[i] = (float) (1 / (1 + Math.exp(-x)));
      LOG_SIGMOID[i] = (float) -Math.log1p(Math.exp(-x));
    }
  }

  private final int rows;
  private final int dim;
  private final int negatives;
  private final Sampler sampler;

  public TestNegativeSamplingLoss(int rows, int dim, int negatives, Sampler sampler) {
    this.rows = rows;
    this.dim = dim;
    this.negatives = negatives;
    this.sampler = sampler;
  }

  private static final class Scratch implements Loss.Scratch {
    final float[] gradient;
    final int[] rows;
    float touched;

    Scratch(int dim, int negatives) {
      gradient = new float[dim];
      rows = new int[negatives + 1];
    }
  }

  private static int index(float x) {
    if (x >= MAX_EXP) {
      return TABLE_SIZE;
    }
    if (x <= -MAX_EXP) {
      return 0;
    }
    return (int) ((x + MAX_EXP) * (TABLE_SIZE / MAX_EXP / 2));
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
    return new Scratch(dim, negatives);
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
    int[] rows = s.rows;
    rows[0] = target;
    for (int k = 1; k <= negatives; k++) {
      rows[k] = sampler.sample(random);
    }
    // Touch every cache line of the rows first: independent loads overlap their cache misses,
    // the poor man's prefetch (word2vec C interleaves sampling and use, one miss at a time).
    float touched = 0f;
    for (int k = 0; k <= negatives; k++) {
      int row = rows[k] * dim;
      for (int j = 0; j < dim; j += 16) {
        touched += outputs[row + j];
      }
      touched += outputs[row + dim - 1]; // a row need not start on a cache line
    }
    s.touched = touched;
    VectorMath.zero(gradient, 0, dim);
    float loss = 0f;
    for (int k = 0; k <= negatives; k++) {
      int word = rows[k];
      if (k > 0 && word == target) {
        continue;
      }
      int row = word * dim;
      float f = VectorMath.dot(input, inputOffset, outputs, row, dim);
      int i = index(f);
      float coefficient;
      if (k == 0) {
        loss -= LOG_SIGMOID[i];
        coefficient = SIGMOID[i] - 1f;
      } else {
        loss -= LOG_SIGMOID[TABLE_SIZE - i];
        coefficient = SIGMOID[i];
      }
      VectorMath.axpy(coefficient, outputs, row, gradient, 0, dim);
      sink.outputGradient(word, coefficient, input, inputOffset);
    }
    sink.inputGradient(gradient, 0);
    return loss;
  }
}
