package dev.w2v.api;

/**
 * One implementation of {@link VectorMath}'s kernels. Package-private: {@link VectorMath} picks one
 * instance at class initialisation and keeps it in a {@code static final} field, so the JIT sees a
 * constant receiver of one exact class and inlines the call.
 */
interface Kernels {

  /** A name for diagnostics: {@code "scalar"} or {@code "simd-<bits>"}. */
  String name();

  float dot(float[] x, int xOffset, float[] y, int yOffset, int n);

  void axpy(float a, float[] x, int xOffset, float[] y, int yOffset, int n);

  void dot4(
      float[] x,
      int xOffset,
      float[] q,
      int q0,
      int q1,
      int q2,
      int q3,
      int n,
      float[] out,
      int outOffset);

  void combine(
      float[] c,
      int cOffset,
      int cStride,
      int count,
      float[] x,
      int[] xOffsets,
      float[] y,
      int yOffset,
      int n);
}
