package dev.w2v.core.train;

import dev.w2v.api.GradientSink;

/**
 * Sums a batch's gradient sparsely: dense buffers allocated once, plus the list of rows touched,
 * so that applying and clearing the batch costs the rows touched rather than V x d.
 */
final class BatchGradient implements GradientSink {

  private final int dim;
  private final float[] input;
  private final float[] output;
  private final boolean[] inputTouched;
  private final boolean[] outputTouched;
  private final int[] inputRows;
  private final int[] outputRows;
  private int inputCount;
  private int outputCount;
  private int currentInputRow;

  BatchGradient(int inputRowCount, int outputRowCount, int dim) {
    this.dim = dim;
    this.input = new float[inputRowCount * dim];
    this.output = new float[outputRowCount * dim];
    this.inputTouched = new boolean[inputRowCount];
    this.outputTouched = new boolean[outputRowCount];
    this.inputRows = new int[inputRowCount];
    this.outputRows = new int[outputRowCount];
  }

  /** The input row the next reports' input gradient belongs to (the center word). */
  void forInputRow(int row) {
    currentInputRow = row;
  }

  @Override
  public void inputGradient(float[] gradient, int offset) {
    int row = currentInputRow;
    if (!inputTouched[row]) {
      inputTouched[row] = true;
      inputRows[inputCount++] = row;
    }
    int base = row * dim;
    for (int j = 0; j < dim; j++) {
      input[base + j] += gradient[offset + j];
    }
  }

  @Override
  public void outputGradient(int row, float coefficient, float[] vector, int offset) {
    if (!outputTouched[row]) {
      outputTouched[row] = true;
      outputRows[outputCount++] = row;
    }
    int base = row * dim;
    for (int j = 0; j < dim; j++) {
      output[base + j] += coefficient * vector[offset + j];
    }
  }

  /** {@code params -= scale * gradient} on the rows touched, then clears the batch. */
  void applyAndClear(float[] inputParams, float[] outputParams, float scale) {
    apply(inputParams, input, inputRows, inputCount, inputTouched, scale);
    apply(outputParams, output, outputRows, outputCount, outputTouched, scale);
    inputCount = 0;
    outputCount = 0;
  }

  private void apply(float[] params, float[] grad, int[] rows, int count, boolean[] touched, float scale) {
    for (int k = 0; k < count; k++) {
      int row = rows[k];
      int base = row * dim;
      for (int j = 0; j < dim; j++) {
        params[base + j] -= scale * grad[base + j];
        grad[base + j] = 0f;
      }
      touched[row] = false;
    }
  }
}
