package dev.w2v.testkit;

import dev.w2v.api.GradientSink;

/**
 * A sink that sums every report into dense double-precision gradients: dJ/d(input) and dJ/d(every
 * output row). For tests and the gradient checker; a trainer would not afford V x d doubles.
 */
public final class DenseGradient implements GradientSink {

  private final int dimension;
  private final double[] input;
  private final double[] outputs;
  private final double[][] extras;
  private int inputReports;

  /** A zero gradient for an input of {@code dimension} floats and {@code outputRows} rows. */
  public DenseGradient(int dimension, int outputRows) {
    this(dimension, outputRows, new int[0]);
  }

  /**
   * A zero gradient that also takes reports for a loss's own parameters: one block of each of
   * {@code extraSizes}.
   */
  public DenseGradient(int dimension, int outputRows, int[] extraSizes) {
    this.dimension = dimension;
    this.input = new double[dimension];
    this.outputs = new double[Math.multiplyExact(dimension, outputRows)];
    this.extras = new double[extraSizes.length][];
    for (int b = 0; b < extraSizes.length; b++) {
      extras[b] = new double[extraSizes[b]];
    }
  }

  @Override
  public void extraGradient(int block, int index, float gradient) {
    if (block < 0 || block >= extras.length || index < 0 || index >= extras[block].length) {
      throw new IllegalArgumentException(
          "extra parameter [" + block + "][" + index + "] is outside what the loss declared");
    }
    extras[block][index] += gradient;
  }

  /** dJ/d(extras[block][index]). */
  public double extra(int block, int index) {
    return extras[block][index];
  }

  @Override
  public void inputGradient(float[] gradient, int offset) {
    for (int j = 0; j < dimension; j++) {
      input[j] += gradient[offset + j];
    }
    inputReports++;
  }

  @Override
  public void outputGradient(int row, float coefficient, float[] vector, int offset) {
    if (row < 0 || (long) row * dimension >= outputs.length) {
      throw new IllegalArgumentException(
          "output row " + row + " is outside [0, " + outputs.length / dimension + ")");
    }
    int base = row * dimension;
    for (int j = 0; j < dimension; j++) {
      outputs[base + j] += (double) coefficient * vector[offset + j];
    }
  }

  /** dJ/d(input)[j]. */
  public double input(int j) {
    return input[j];
  }

  /** dJ/d(output row {@code row})[j]. */
  public double output(int row, int j) {
    return outputs[row * dimension + j];
  }

  /** A copy of dJ/d(input). */
  public double[] input() {
    return input.clone();
  }

  /** A copy of dJ/d(outputs), row-major. */
  public double[] outputs() {
    return outputs.clone();
  }

  /** How many times {@link #inputGradient} was called: once per loss evaluation. */
  public int inputReports() {
    return inputReports;
  }
}
