package dev.w2v.testkit;

import dev.w2v.api.BatchedLoss;
import dev.w2v.api.GradientSink;
import dev.w2v.api.Sampler;
import dev.w2v.api.Sigmoid;
import dev.w2v.api.VectorMath;
import java.util.random.RandomGenerator;

/**
 * {@link ExactNegativeSampling} with a plain batched form, written as simply as possible, and the
 * batched kernels' typical mistakes to plant in it for the kit's self-test.
 */
final class ExactBatchedNegativeSampling implements BatchedLoss {

  /** A planted mistake of the batched form, or none. */
  enum Bug {
    NONE,
    /** Each negative row's gradient holds only the first input's share. */
    ROW_GRADIENT_OF_THE_FIRST_INPUT_ONLY,
    /** Each input draws negatives of its own instead of sharing one set. */
    NEGATIVES_PER_INPUT,
    /** Reports each row before the input gradients are computed from the rows. */
    REPORTS_BEFORE_READING
  }

  private final ExactNegativeSampling pairs;
  private final int rows;
  private final int dim;
  private final int negatives;
  private final Sampler sampler;
  private final Bug bug;

  ExactBatchedNegativeSampling(int rows, int dim, int negatives, Sampler sampler, Bug bug) {
    this.pairs = new ExactNegativeSampling(rows, dim, negatives, sampler);
    this.rows = rows;
    this.dim = dim;
    this.negatives = negatives;
    this.sampler = sampler;
    this.bug = bug;
  }

  private static final class Work implements Scratch {
    final Scratch pair;
    final int[] drawn;
    final float[] coefficients;
    final float[] row;

    Work(Scratch pair, int negatives, int maxInputs, int dim) {
      this.pair = pair;
      drawn = new int[negatives];
      coefficients = new float[maxInputs * (negatives + 1)];
      row = new float[dim];
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
    return new Work(pairs.newScratch(), negatives, 0, dim);
  }

  @Override
  public Scratch newScratch(int maxInputs) {
    return new Work(pairs.newScratch(), negatives, maxInputs, dim);
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
    return pairs.lossAndGradient(
        ((Work) scratch).pair, input, offset, target, outputs, random, sink);
  }

  private int draw(int[] targets, int count, RandomGenerator random) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      int word = sampler.sample(random);
      boolean isTarget = false;
      for (int m = 0; m < count; m++) {
        isTarget |= targets[m] == word;
      }
      if (!isTarget) {
        return word;
      }
    }
    throw new IllegalStateException("the sampler drew only targets 1000 times");
  }

  @Override
  public double batchLossAndGradient(
      Scratch scratch,
      float[] inputs,
      int[] inputOffsets,
      int[] targets,
      int count,
      float[] outputs,
      float[][] extras,
      RandomGenerator random,
      float[] inputGradients,
      GradientSink sink) {
    Work w = (Work) scratch;
    int k1 = negatives + 1;
    for (int k = 0; k < negatives; k++) {
      w.drawn[k] = draw(targets, count, random);
    }
    double loss = 0;
    for (int m = 0; m < count; m++) {
      if (bug == Bug.NEGATIVES_PER_INPUT && m > 0) {
        for (int k = 0; k < negatives; k++) {
          w.drawn[k] = draw(targets, count, random);
        }
      }
      for (int j = 0; j < k1; j++) {
        int word = j == 0 ? targets[m] : w.drawn[j - 1];
        float score = VectorMath.dot(outputs, word * dim, inputs, inputOffsets[m], dim);
        loss -= Sigmoid.logSigmoid(j == 0 ? score : -score);
        w.coefficients[m * k1 + j] = (float) Sigmoid.sigmoid(score) - (j == 0 ? 1f : 0f);
      }
    }
    if (bug == Bug.REPORTS_BEFORE_READING) {
      reportRows(w, inputs, inputOffsets, targets, count, sink);
    }
    for (int m = 0; m < count; m++) {
      VectorMath.zero(inputGradients, m * dim, dim);
      for (int j = 0; j < k1; j++) {
        int word = j == 0 ? targets[m] : w.drawn[j - 1];
        VectorMath.axpy(
            w.coefficients[m * k1 + j], outputs, word * dim, inputGradients, m * dim, dim);
      }
    }
    if (bug != Bug.REPORTS_BEFORE_READING) {
      reportRows(w, inputs, inputOffsets, targets, count, sink);
    }
    return loss;
  }

  private void reportRows(
      Work w, float[] inputs, int[] offsets, int[] targets, int count, GradientSink sink) {
    int k1 = negatives + 1;
    for (int m = 0; m < count; m++) {
      sink.outputGradient(targets[m], w.coefficients[m * k1], inputs, offsets[m]);
    }
    for (int k = 0; k < negatives; k++) {
      VectorMath.zero(w.row, 0, dim);
      int inputsCounted = bug == Bug.ROW_GRADIENT_OF_THE_FIRST_INPUT_ONLY ? 1 : count;
      for (int m = 0; m < inputsCounted; m++) {
        VectorMath.axpy(w.coefficients[m * k1 + k + 1], inputs, offsets[m], w.row, 0, dim);
      }
      sink.outputGradient(w.drawn[k], 1f, w.row, 0);
    }
  }
}
