package dev.w2v.api;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the JDK's Vector API: the preferred species (256 bits on AVX2, 512 on AVX-512)
 * with fused multiply-add, and a scalar loop for the tail.
 *
 * <p>This class refers to {@code jdk.incubator.vector}; it is loaded only through reflection by
 * {@link VectorMath} after it has checked that the module is in the boot layer, so a JVM started
 * without {@code --add-modules jdk.incubator.vector} never touches it.
 */
final class SimdKernels implements Kernels {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  @Override
  public String name() {
    return "simd-" + SPECIES.vectorBitSize();
  }

  @Override
  public float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
    int i = 0;
    float sum = 0f;
    if (n >= 2 * LANES) {
      // Two accumulators hide the latency of the fused multiply-add.
      FloatVector acc0 = FloatVector.zero(SPECIES);
      FloatVector acc1 = FloatVector.zero(SPECIES);
      int bound2 = n - 2 * LANES;
      for (; i <= bound2; i += 2 * LANES) {
        acc0 =
            FloatVector.fromArray(SPECIES, x, xOffset + i)
                .fma(FloatVector.fromArray(SPECIES, y, yOffset + i), acc0);
        acc1 =
            FloatVector.fromArray(SPECIES, x, xOffset + i + LANES)
                .fma(FloatVector.fromArray(SPECIES, y, yOffset + i + LANES), acc1);
      }
      if (i <= n - LANES) {
        acc0 =
            FloatVector.fromArray(SPECIES, x, xOffset + i)
                .fma(FloatVector.fromArray(SPECIES, y, yOffset + i), acc0);
        i += LANES;
      }
      sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    } else if (n >= LANES) {
      FloatVector acc =
          FloatVector.fromArray(SPECIES, x, xOffset)
              .mul(FloatVector.fromArray(SPECIES, y, yOffset));
      i = LANES;
      sum = acc.reduceLanes(VectorOperators.ADD);
    }
    for (; i < n; i++) {
      sum = Math.fma(x[xOffset + i], y[yOffset + i], sum);
    }
    return sum;
  }

  @Override
  public void axpy(float a, float[] x, int xOffset, float[] y, int yOffset, int n) {
    int i = 0;
    int bound = n - LANES;
    if (bound >= 0) {
      FloatVector va = FloatVector.broadcast(SPECIES, a);
      for (; i <= bound; i += LANES) {
        FloatVector.fromArray(SPECIES, x, xOffset + i)
            .fma(va, FloatVector.fromArray(SPECIES, y, yOffset + i))
            .intoArray(y, yOffset + i);
      }
    }
    for (; i < n; i++) {
      y[yOffset + i] = Math.fma(a, x[xOffset + i], y[yOffset + i]);
    }
  }

  @Override
  public void dot4(
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
    int i = 0;
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    if (n >= LANES) {
      FloatVector a0 = FloatVector.zero(SPECIES);
      FloatVector a1 = FloatVector.zero(SPECIES);
      FloatVector a2 = FloatVector.zero(SPECIES);
      FloatVector a3 = FloatVector.zero(SPECIES);
      int bound = n - LANES;
      for (; i <= bound; i += LANES) {
        FloatVector xv = FloatVector.fromArray(SPECIES, x, xOffset + i);
        a0 = xv.fma(FloatVector.fromArray(SPECIES, q, q0 + i), a0);
        a1 = xv.fma(FloatVector.fromArray(SPECIES, q, q1 + i), a1);
        a2 = xv.fma(FloatVector.fromArray(SPECIES, q, q2 + i), a2);
        a3 = xv.fma(FloatVector.fromArray(SPECIES, q, q3 + i), a3);
      }
      s0 = a0.reduceLanes(VectorOperators.ADD);
      s1 = a1.reduceLanes(VectorOperators.ADD);
      s2 = a2.reduceLanes(VectorOperators.ADD);
      s3 = a3.reduceLanes(VectorOperators.ADD);
    }
    for (; i < n; i++) {
      float xi = x[xOffset + i];
      s0 = Math.fma(xi, q[q0 + i], s0);
      s1 = Math.fma(xi, q[q1 + i], s1);
      s2 = Math.fma(xi, q[q2 + i], s2);
      s3 = Math.fma(xi, q[q3 + i], s3);
    }
    out[outOffset] = s0;
    out[outOffset + 1] = s1;
    out[outOffset + 2] = s2;
    out[outOffset + 3] = s3;
  }

  @Override
  public void combine(
      float[] c,
      int cOffset,
      int cStride,
      int count,
      float[] x,
      int[] xOffsets,
      float[] y,
      int yOffset,
      int n) {
    // Lane block after lane block, the sum of every row held in one register: y is read and
    // written once, not once per row as with count axpys.
    int i = 0;
    for (int bound = n - LANES; i <= bound; i += LANES) {
      FloatVector acc = FloatVector.fromArray(SPECIES, y, yOffset + i);
      for (int j = 0; j < count; j++) {
        acc =
            FloatVector.fromArray(SPECIES, x, xOffsets[j] + i)
                .fma(FloatVector.broadcast(SPECIES, c[cOffset + j * cStride]), acc);
      }
      acc.intoArray(y, yOffset + i);
    }
    for (; i < n; i++) {
      float sum = y[yOffset + i];
      for (int j = 0; j < count; j++) {
        sum = Math.fma(c[cOffset + j * cStride], x[xOffsets[j] + i], sum);
      }
      y[yOffset + i] = sum;
    }
  }
}
