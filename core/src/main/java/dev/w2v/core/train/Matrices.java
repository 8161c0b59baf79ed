package dev.w2v.core.train;

import dev.w2v.api.ParameterBlock;
import dev.w2v.core.MemoryException;
import dev.w2v.core.W2vException;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The parameter matrices every trainer allocates: sized with overflow and memory checked first,
 * initialised as word2vec C and CS224n do (input rows uniform in {@code [-0.5, 0.5) / d}, output
 * rows zero), and checked for non-finite values before anything is written.
 */
public final class Matrices {

  /** The largest array the JVM reliably allocates. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

  private Matrices() {}

  /**
   * Allocates the input ({@code words x dim}) and output ({@code outputRows x dim}) matrices.
   *
   * @param extraBytes other memory the trainer will need at the same time, for the check
   * @throws W2vException if a matrix has more floats than a Java array holds
   * @throws MemoryException if both do not fit in the heap
   */
  public static float[][] allocate(int words, int outputRows, int dim, long extraBytes) {
    long in = (long) words * dim;
    long out = (long) outputRows * dim;
    long larger = Math.max(in, out);
    if (larger > MAX_ARRAY) {
      throw new W2vException(
          "a "
              + Math.max(words, outputRows)
              + " x "
              + dim
              + " matrix has "
              + larger
              + " floats, more than a Java array holds ("
              + MAX_ARRAY
              + "): lower dim, or raise min-count to shrink the vocabulary");
    }
    String what = "two " + words + " x " + dim + " matrices";
    long bytes = 4 * (in + out) + extraBytes;
    MemoryException.checkFits(bytes, what);
    try {
      return new float[][] {new float[(int) in], new float[(int) out]};
    } catch (OutOfMemoryError e) {
      throw MemoryException.of(what, bytes, e);
    }
  }

  /** A loss's own parameters, each block filled with its initial value. */
  public static float[][] allocateExtras(List<ParameterBlock> blocks) {
    float[][] extras = new float[blocks.size()][];
    for (int b = 0; b < extras.length; b++) {
      extras[b] = new float[blocks.get(b).size()];
      java.util.Arrays.fill(extras[b], blocks.get(b).initialValue());
    }
    return extras;
  }

  /**
   * word2vec C's and CS224n's input initialisation: each value uniform in {@code [-0.5, 0.5) /
   * dim}.
   */
  public static void initialiseInput(float[] input, int dim, RandomGenerator random) {
    initialiseInput(input, dim, 1f, random);
  }

  /**
   * Each input value uniform in {@code [-scale/2, scale/2) / dim}: scale 1 is word2vec C's range, 2
   * gensim 4's {@code [-1/d, 1/d)} (the draws are the same, in the same order).
   */
  public static void initialiseInput(float[] input, int dim, float scale, RandomGenerator random) {
    for (int i = 0; i < input.length; i++) {
      input[i] = (random.nextFloat() - 0.5f) * scale / dim;
    }
  }

  /** The index of the first NaN or infinite value, or -1. */
  public static int firstNonFinite(float[] matrix) {
    for (int i = 0; i < matrix.length; i++) {
      if (!Float.isFinite(matrix[i])) {
        return i;
      }
    }
    return -1;
  }

  /** Whether every value of every matrix is finite. */
  public static boolean allFinite(float[]... matrices) {
    for (float[] m : matrices) {
      if (firstNonFinite(m) >= 0) {
        return false;
      }
    }
    return true;
  }
}
