package dev.w2v.testkit;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.Sampler;
import dev.w2v.api.Sigmoid;
import dev.w2v.api.VectorMath;
import java.util.random.RandomGenerator;

/**
 * A plain, exact negative-sampling loss (CS224n's, redrawing a negative equal to the target): the
 * known-good loss the kit's self-tests plant their bugs into. The kit cannot use the
 * loss-negsampling module, which itself depends on the kit.
 */
final class ExactNegativeSampling implements Loss {

  private final int rows;
  private final int dim;
  private final int negatives;
  private final Sampler sampler;

  private boolean boundedRedraws = true;

  /** This loss redrawing a negative equal to the target forever: a planted bug. */
  ExactNegativeSampling unboundedRedraws() {
    boundedRedraws = false;
    return this;
  }

  ExactNegativeSampling(int rows, int dim, int negatives, Sampler sampler) {
    this.rows = rows;
    this.dim = dim;
    this.negatives = negatives;
    this.sampler = sampler;
  }

  private static final class Work implements Scratch {
    final float[] gradient;

    Work(int dim) {
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
  public Scratch newScratch() {
    return new Work(dim);
  }

  @Override
  public double lossAndGradient(
      Scratch scratch,
      float[] input,
      int offset,
      int target,
      float[] outputs,
      RandomGenerator random,
      GradientSink sink) {
    float[] gradient = ((Work) scratch).gradient;
    VectorMath.zero(gradient, 0, dim);
    double loss = 0;
    for (int k = 0; k <= negatives; k++) {
      int word = target;
      if (k > 0) {
        int attempts = 0;
        do {
          if (boundedRedraws && ++attempts > 1000) {
            throw new IllegalStateException("the sampler drew only the target 1000 times");
          }
          if (!boundedRedraws && Thread.currentThread().isInterrupted()) {
            // The planted hang ends when the kit gives up on it, so that it does not burn a core
            // for the rest of the test run.
            throw new IllegalStateException("interrupted");
          }
          word = sampler.sample(random);
        } while (word == target);
      }
      float score = VectorMath.dot(outputs, word * dim, input, offset, dim);
      float coefficient;
      if (k == 0) {
        loss -= Sigmoid.logSigmoid(score);
        coefficient = (float) (Sigmoid.sigmoid(score) - 1);
      } else {
        loss -= Sigmoid.logSigmoid(-score);
        coefficient = (float) Sigmoid.sigmoid(score);
      }
      VectorMath.axpy(coefficient, outputs, word * dim, gradient, 0, dim);
      sink.outputGradient(word, coefficient, input, offset);
    }
    sink.inputGradient(gradient, 0);
    return loss;
  }
}
