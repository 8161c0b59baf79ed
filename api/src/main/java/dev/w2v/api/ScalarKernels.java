package dev.w2v.api;

/** Plain loops, used when the {@code jdk.incubator.vector} module is not in the boot layer. */
final class ScalarKernels implements Kernels {

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
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

  @Override
  public void axpy(float a, float[] x, int xOffset, float[] y, int yOffset, int n) {
    // A simple counted loop: C2 auto-vectorises it (SuperWord) even without the Vector API.
    for (int i = 0; i < n; i++) {
      y[yOffset + i] += a * x[xOffset + i];
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
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    for (int i = 0; i < n; i++) {
      float xi = x[xOffset + i];
      s0 += xi * q[q0 + i];
      s1 += xi * q[q1 + i];
      s2 += xi * q[q2 + i];
      s3 += xi * q[q3 + i];
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
    // Row after row: each inner loop is a counted axpy that C2 auto-vectorises.
    for (int j = 0; j < count; j++) {
      float a = c[cOffset + j * cStride];
      int xo = xOffsets[j];
      for (int i = 0; i < n; i++) {
        y[yOffset + i] += a * x[xo + i];
      }
    }
  }
}
