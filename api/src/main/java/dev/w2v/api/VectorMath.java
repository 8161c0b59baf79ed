package dev.w2v.api;

/**
 * The two kernels of every word2vec loss, on rows of flat float arrays: a dot product and
 * {@code y += a*x}. Losses use these rather than their own loops so that the fastest
 * implementation the JVM offers serves every plugin alike.
 */
public final class VectorMath {

  private VectorMath() {}

  /** The dot product of {@code x[xOffset, xOffset+n)} and {@code y[yOffset, yOffset+n)}. */
  public static float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
    // Four independent sums break the add-latency chain; the JIT does not reorder float adds.
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += x[xOffset + i] * y[yOffset + i];
      s1 += x[xOffset + i + 1] * y[yOffset + i + 1];
      s2 += x[xOffset + i + 2] * y[yOffset + i + 2];
      s3 += x[xOffset + i + 3] * y[yOffset + i + 3];
    }
    for (; i < n; i++) {
      s0 += x[xOffset + i] * y[yOffset + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code y[yOffset, yOffset+n) += a * x[xOffset, xOffset+n)}. */
  public static void axpy(float a, float[] x, int xOffset, float[] y, int yOffset, int n) {
    for (int i = 0; i < n; i++) {
      y[yOffset + i] += a * x[xOffset + i];
    }
  }

  /** Sets {@code x[offset, offset+n)} to zero. */
  public static void zero(float[] x, int offset, int n) {
    java.util.Arrays.fill(x, offset, offset + n, 0f);
  }
}
