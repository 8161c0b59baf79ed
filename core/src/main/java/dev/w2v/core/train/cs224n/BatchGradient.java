package dev.w2v.core.train.cs224n;

import dev.w2v.api.GradientSink;

/**
 * Sums a batch's gradient sparsely, so that an SGD step costs the rows a batch touched rather than
 * V x d.
 *
 * <p>An output row's gradient is a coefficient times a vector, and that vector is almost always a
 * row of the input matrix (the center word's vector). Such a report is recorded as a triple (output
 * row, coefficient, input row) in sequential arrays instead of being added into a dense V x d
 * buffer: the random writes into a second large buffer were a main cost of the CS224n loop. Any
 * other vector is copied aside. Input gradients, one per (center, outside word) pair, are summed
 * per center row in a dense buffer, touched rows listed.
 */
final class BatchGradient implements GradientSink {

  private final int dim;
  private final float[] inputMatrix;
  private final float[] input;
  private final boolean[] inputTouched;
  private final int[] inputRows;
  private int inputCount;
  private int currentInputRow;

  private int[] outputRow = new int[4096];
  private float[] outputCoefficient = new float[4096];
  // The offset of the vector in inputMatrix, or -1 - k for the k-th vector copied aside.
  private int[] outputVector = new int[4096];
  private int outputCount;
  private float[] aside = new float[0];
  private int asideCount;

  // A loss's own parameters: reports (block, index, gradient) in order, applied at the step.
  private int[] extraBlock = new int[0];
  private int[] extraIndex = new int[0];
  private float[] extraValue = new float[0];
  private int extraCount;

  /**
   * @param inputMatrix the input parameters; reports whose vector is a row of it are recorded by
   *     reference, so it must not change until {@link #applyAndClear}
   */
  BatchGradient(float[] inputMatrix, int dim) {
    this.dim = dim;
    this.inputMatrix = inputMatrix;
    int rows = inputMatrix.length / dim;
    this.input = new float[inputMatrix.length];
    this.inputTouched = new boolean[rows];
    this.inputRows = new int[rows];
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
    if (outputCount == outputRow.length) {
      grow();
    }
    int reference;
    if (vector == inputMatrix) {
      reference = offset;
    } else {
      if ((asideCount + 1) * dim > aside.length) {
        aside = java.util.Arrays.copyOf(aside, Math.max(16, asideCount * 2 + 2) * dim);
      }
      System.arraycopy(vector, offset, aside, asideCount * dim, dim);
      reference = -1 - asideCount++;
    }
    outputRow[outputCount] = row;
    outputCoefficient[outputCount] = coefficient;
    outputVector[outputCount] = reference;
    outputCount++;
  }

  private void grow() {
    // Only while the first batches find their size; afterwards the arrays fit every batch.
    int n = outputRow.length * 2;
    outputRow = java.util.Arrays.copyOf(outputRow, n);
    outputCoefficient = java.util.Arrays.copyOf(outputCoefficient, n);
    outputVector = java.util.Arrays.copyOf(outputVector, n);
  }

  /** {@code params -= scale * gradient} over the rows touched, then clears the batch. */
  @Override
  public void extraGradient(int block, int index, float gradient) {
    if (extraCount == extraBlock.length) {
      // Only while the first batches find their size, as for output rows.
      int n = Math.max(256, 2 * extraCount);
      extraBlock = java.util.Arrays.copyOf(extraBlock, n);
      extraIndex = java.util.Arrays.copyOf(extraIndex, n);
      extraValue = java.util.Arrays.copyOf(extraValue, n);
    }
    extraBlock[extraCount] = block;
    extraIndex[extraCount] = index;
    extraValue[extraCount] = gradient;
    extraCount++;
  }

  /** {@code extras -= scale * their gradient}, then clears those reports. */
  void applyExtrasAndClear(float[][] extras, float scale) {
    for (int k = 0; k < extraCount; k++) {
      extras[extraBlock[k]][extraIndex[k]] -= scale * extraValue[k];
    }
    extraCount = 0;
  }

  void applyAndClear(float[] outputParams, float scale) {
    // Output rows first: their gradients refer to input rows as they were during the batch.
    for (int k = 0; k < outputCount; k++) {
      int base = outputRow[k] * dim;
      float a = -scale * outputCoefficient[k];
      int reference = outputVector[k];
      float[] source = reference >= 0 ? inputMatrix : aside;
      int from = reference >= 0 ? reference : (-1 - reference) * dim;
      for (int j = 0; j < dim; j++) {
        outputParams[base + j] += a * source[from + j];
      }
    }
    outputCount = 0;
    asideCount = 0;
    for (int k = 0; k < inputCount; k++) {
      int row = inputRows[k];
      int base = row * dim;
      for (int j = 0; j < dim; j++) {
        inputMatrix[base + j] -= scale * input[base + j];
        input[base + j] = 0f;
      }
      inputTouched[row] = false;
    }
    inputCount = 0;
  }
}
