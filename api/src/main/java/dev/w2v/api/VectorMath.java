package dev.w2v.api;

/**
 * The two kernels of every word2vec loss, on rows of flat float arrays: a dot product and {@code y
 * += a*x}. Losses use these rather than their own loops so that the fastest implementation the JVM
 * offers serves every plugin alike.
 *
 * <p>Two implementations exist, chosen once when this class is initialised:
 *
 * <ul>
 *   <li>SIMD, on the JDK's Vector API with fused multiply-add, when the JVM was started with {@code
 *       --add-modules jdk.incubator.vector};
 *   <li>scalar loops otherwise. The SIMD class is then never loaded, so this module needs nothing
 *       at run time beyond {@code java.base}.
 * </ul>
 *
 * The choice is held in a {@code static final} field: the JIT treats it as a constant and inlines
 * the kernel into the caller, with no virtual call per float. Setting the system property {@code
 * w2v.vectormath=scalar} forces the scalar kernels (for comparisons and benchmarks).
 *
 * <p>The two implementations may differ in the last bits of a dot product (different summation
 * order, fused rounding); neither is more correct than the other.
 */
public final class VectorMath {

  /** The module holding the Vector API, present in the boot layer only when added explicitly. */
  static final String VECTOR_MODULE = "jdk.incubator.vector";

  private static final Kernels KERNELS = choose();

  private VectorMath() {}

  private static Kernels choose() {
    String forced = System.getProperty("w2v.vectormath", "");
    if (forced.equals("scalar") || !ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
      return new ScalarKernels();
    }
    try {
      // By name, so that neither the verifier nor the linker loads it when the module is absent.
      return (Kernels)
          Class.forName("dev.w2v.api.SimdKernels").getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return new ScalarKernels();
    }
  }

  /**
   * Which kernels this JVM uses: {@code "scalar"}, or {@code "simd-<bits>"} such as {@code
   * "simd-256"}. For logs and benchmark reports.
   */
  public static String implementation() {
    return KERNELS.name();
  }

  /** The dot product of {@code x[xOffset, xOffset+n)} and {@code y[yOffset, yOffset+n)}. */
  public static float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
    return KERNELS.dot(x, xOffset, y, yOffset, n);
  }

  /** {@code y[yOffset, yOffset+n) += a * x[xOffset, xOffset+n)}. */
  public static void axpy(float a, float[] x, int xOffset, float[] y, int yOffset, int n) {
    KERNELS.axpy(a, x, xOffset, y, yOffset, n);
  }

  /**
   * Four dot products sharing one row: {@code out[outOffset + i] = x[xOffset, +n) . q[qi, +n)} for
   * the four offsets {@code q0..q3} into {@code q}. Reading the row once for four queries is what
   * makes a batched similarity search (analogies, nearest neighbours) compute-bound rather than
   * memory-bound.
   */
  public static void dot4(
      float[] x,
      int xOffset,
      float[] q,
      int q0,
      int q1,
      int q2,
      int q3,
      int n,
      float[] out,
      int outOffset) {
    KERNELS.dot4(x, xOffset, q, q0, q1, q2, q3, n, out, outOffset);
  }

  /**
   * {@code y[yOffset, yOffset+n) += sum over j < count of c[cOffset + j*cStride] * x[xOffsets[j],
   * +n)}: a vector-matrix product over rows of a flat matrix picked by offset, the building block
   * of a {@link BatchedLoss}. With the SIMD kernels y stays in registers while the rows stream
   * past, so it costs about one axpy's memory traffic per row and none per row for y.
   *
   * @since API 1.2
   */
  public static void combine(
      float[] c,
      int cOffset,
      int cStride,
      int count,
      float[] x,
      int[] xOffsets,
      float[] y,
      int yOffset,
      int n) {
    KERNELS.combine(c, cOffset, cStride, count, x, xOffsets, y, yOffset, n);
  }

  /** Sets {@code x[offset, offset+n)} to zero. */
  public static void zero(float[] x, int offset, int n) {
    java.util.Arrays.fill(x, offset, offset + n, 0f);
  }
}
