package dev.w2v.api;

/**
 * Receives the gradient of one loss evaluation, sparsely.
 *
 * <p>A sink may accumulate (the CS224n trainer sums a batch before one SGD step) or apply each
 * report at once (the fast trainer's Hogwild update). Because of the latter, a loss must read an
 * output row for the last time <em>before</em> it reports that row's gradient, and must not assume
 * that a reported row keeps its old value.
 */
public interface GradientSink {

  /**
   * Reports dJ/d(input): {@code dimension} floats of {@code gradient} starting at {@code offset}.
   * Called exactly once per {@link Loss#lossAndGradient} call, after every output row. The sink
   * must not keep a reference to the array: the loss reuses it.
   */
  void inputGradient(float[] gradient, int offset);

  /**
   * Reports that dJ/d(output row {@code row}) gains {@code coefficient * vector[offset ..
   * offset+dimension)}. A row may be reported more than once in one call (a negative drawn twice);
   * every report counts.
   */
  void outputGradient(int row, float coefficient, float[] vector, int offset);

  /**
   * Reports that dJ/d({@code extras[block][index]}) gains {@code gradient}: for a loss's own {@link
   * Loss#extraParameters()}. Like output rows, the value may be applied at once.
   *
   * @since API 1.1
   */
  default void extraGradient(int block, int index, float gradient) {
    throw new UnsupportedOperationException(
        "this sink takes no extra parameters; the trainer did not allocate the loss's own");
  }
}
