package dev.w2v.api;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A word2vec objective for one (input vector, target word) pair.
 *
 * <p>The input vector is the center word's vector for skip-gram, or the mean of the context vectors
 * for CBOW. The output matrix has {@link #outputRows()} rows of {@link #dimension()} floats; what a
 * row means is the loss's own business (a word's outside vector for softmax and negative sampling,
 * an inner node of a Huffman tree for a hierarchical softmax).
 *
 * <p>Contract, checked by the plugin test kit:
 *
 * <ul>
 *   <li>One instance is shared by all training threads: it holds no mutable state of its own. Each
 *       thread calls {@link #newScratch()} once and passes its scratch to every call.
 *   <li>{@link #lossAndGradient} allocates nothing once the scratch exists.
 *   <li>Randomness comes only from the generator passed in; the same generator state gives the same
 *       loss and gradients.
 *   <li>An output row is read before its gradient is reported (see {@link GradientSink}).
 * </ul>
 *
 * <p>A loss implements one of the two {@code lossAndGradient} methods: the seven-argument one (API
 * 1.0), or the eight-argument one when it declares {@link #extraParameters()} of its own. Trainers
 * always call the eight-argument one; each default delegates to the other, so a loss that
 * implements neither fails at its first call (the test kit says so).
 */
public interface Loss {

  /** The vector dimension d this loss was created for. */
  int dimension();

  /**
   * How many rows the output matrix needs: the vocabulary size for softmax and negative sampling,
   * V-1 inner nodes for a hierarchical softmax. Trainers size the output matrix from this.
   */
  int outputRows();

  /** Per-thread working memory, created once per training thread; opaque to the caller. */
  interface Scratch {}

  /** Creates working memory for one thread. Called once per thread, never in the hot loop. */
  Scratch newScratch();

  /**
   * Trainable parameters of the loss's own besides the output matrix, such as a bias per word for
   * noise-contrastive estimation. Trainers allocate each block (initialised to its {@link
   * ParameterBlock#initialValue()}), pass them to {@link #lossAndGradient(Scratch, float[], int,
   * int, float[], float[][], RandomGenerator, GradientSink)} in this order, apply the gradients
   * reported through {@link GradientSink#extraGradient} and save them in checkpoints. None by
   * default.
   *
   * @since API 1.1
   */
  default List<ParameterBlock> extraParameters() {
    return List.of();
  }

  /**
   * Computes the loss J for one pair and reports its gradient to {@code sink}; with this method a
   * loss sees its {@link #extraParameters()}. The default calls the seven-argument method, for
   * losses that have none.
   *
   * @param extras one array per block of {@link #extraParameters()}, in order (empty if none)
   * @since API 1.1
   */
  default double lossAndGradient(
      Scratch scratch,
      float[] input,
      int inputOffset,
      int target,
      float[] outputs,
      float[][] extras,
      RandomGenerator random,
      GradientSink sink) {
    return lossAndGradient(scratch, input, inputOffset, target, outputs, random, sink);
  }

  /**
   * Computes the loss J for one pair and reports its gradient to {@code sink}.
   *
   * @param scratch this thread's scratch, from {@link #newScratch()} of this instance
   * @param input the array holding the input vector
   * @param inputOffset where the input vector starts in {@code input}
   * @param target the target word's index in the vocabulary, in {@code [0, V)}
   * @param outputs the output matrix, {@link #outputRows()} x {@link #dimension()}, row-major
   * @param random the caller's generator, the only source of randomness (negative samples)
   * @param sink receives dJ/d(input) once and dJ/d(row) for every output row touched
   * @return the loss J (natural log), finite for finite inputs
   */
  default double lossAndGradient(
      Scratch scratch,
      float[] input,
      int inputOffset,
      int target,
      float[] outputs,
      RandomGenerator random,
      GradientSink sink) {
    return lossAndGradient(scratch, input, inputOffset, target, outputs, NO_EXTRAS, random, sink);
  }

  /** The extras of a loss that declares none. */
  float[][] NO_EXTRAS = new float[0][];
}
