package dev.w2v.core.train.fast;

import dev.w2v.api.GradientSink;
import dev.w2v.api.VectorMath;

/**
 * The Hogwild sink: an output row's gradient is applied at once ({@code row += -lr * coefficient *
 * vector}); the input gradient is copied to {@link #inputGradient} for the trainer to apply to the
 * input row(s) after the loss returns, like word2vec C's {@code neu1e}. One per thread.
 */
final class ApplyingSink implements GradientSink {

  private final float[] outputs;
  private final float[][] extras;
  private final int dimension;

  /** dJ/d(input) of the last loss call. */
  final float[] inputGradient;

  private float negativeLearningRate;

  ApplyingSink(float[] outputs, float[][] extras, int dimension) {
    this.outputs = outputs;
    this.extras = extras;
    this.dimension = dimension;
    this.inputGradient = new float[dimension];
  }

  float[] outputs() {
    return outputs;
  }

  float[][] extras() {
    return extras;
  }

  void learningRate(float lr) {
    negativeLearningRate = -lr;
  }

  @Override
  public void inputGradient(float[] gradient, int offset) {
    System.arraycopy(gradient, offset, inputGradient, 0, dimension);
  }

  @Override
  public void outputGradient(int row, float coefficient, float[] vector, int offset) {
    VectorMath.axpy(
        negativeLearningRate * coefficient, vector, offset, outputs, row * dimension, dimension);
  }

  @Override
  public void extraGradient(int block, int index, float gradient) {
    extras[block][index] += negativeLearningRate * gradient;
  }
}
