package dev.w2v.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorMathTest {

  private static final Kernels SCALAR = new ScalarKernels();
  private static final Kernels SIMD = new SimdKernels();

  private static float[] randomArray(SplittableRandom random, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return a;
  }

  private static double exactDot(float[] x, int xo, float[] y, int yo, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (double) x[xo + i] * y[yo + i];
    }
    return s;
  }

  @Test
  void theSurefireJvmHasTheVectorModuleSoTheSimdKernelsAreChosen() {
    assertTrue(VectorMath.implementation().startsWith("simd-"), VectorMath.implementation());
  }

  @Test
  void simdAndScalarDotAgreeOverManyLengthsAndOffsets() {
    SplittableRandom random = new SplittableRandom(1);
    for (int n = 0; n <= 320; n++) {
      for (int xo : new int[] {0, 1, 7}) {
        int yo = (xo * 3 + n) % 5;
        float[] x = randomArray(random, xo + n + 3);
        float[] y = randomArray(random, yo + n + 2);
        double exact = exactDot(x, xo, y, yo, n);
        // Each product is at most 1; float sums of n terms drift by about n * 2^-24 each.
        double tolerance = 1e-6 * (n + 1);
        float simd = SIMD.dot(x, xo, y, yo, n);
        float scalar = SCALAR.dot(x, xo, y, yo, n);
        assertEquals(exact, simd, tolerance, "simd n=" + n + " xo=" + xo);
        assertEquals(exact, scalar, tolerance, "scalar n=" + n + " xo=" + xo);
        assertEquals(scalar, simd, 2 * tolerance, "n=" + n);
      }
    }
  }

  @Test
  void dot4EqualsFourDotsInBothKernels() {
    SplittableRandom random = new SplittableRandom(2);
    for (int n = 0; n <= 320; n += 7) {
      float[] x = randomArray(random, n + 3);
      float[] q = randomArray(random, 4 * n + 11);
      int[] offsets = {5, 5 + n, 6 + 2 * n, 11 + 3 * n - 5};
      for (Kernels kernels : new Kernels[] {SCALAR, SIMD}) {
        float[] out = new float[6];
        kernels.dot4(x, 2, q, offsets[0], offsets[1], offsets[2], offsets[3], n, out, 1);
        assertEquals(0f, out[0]);
        assertEquals(0f, out[5]);
        for (int k = 0; k < 4; k++) {
          double exact = exactDot(x, 2, q, offsets[k], n);
          assertEquals(
              exact, out[1 + k], 1e-6 * (n + 1), kernels.name() + " n=" + n + " query " + k);
        }
      }
    }
  }

  @Test
  void simdAndScalarAxpyAgreeOverManyLengthsAndOffsetsAndTouchNothingElse() {
    SplittableRandom random = new SplittableRandom(2);
    for (int n = 0; n <= 320; n++) {
      for (int xo : new int[] {0, 3}) {
        int yo = (n + xo) % 4;
        float a = (float) (random.nextDouble() * 4 - 2);
        float[] x = randomArray(random, xo + n + 5);
        float[] y = randomArray(random, yo + n + 5);
        float[] ySimd = y.clone();
        float[] yScalar = y.clone();
        SIMD.axpy(a, x, xo, ySimd, yo, n);
        SCALAR.axpy(a, x, xo, yScalar, yo, n);
        for (int i = 0; i < y.length; i++) {
          boolean inside = i >= yo && i < yo + n;
          float expected = inside ? y[i] + a * x[xo + i - yo] : y[i];
          assertEquals(expected, ySimd[i], 1e-6f, "simd n=" + n + " i=" + i);
          assertEquals(expected, yScalar[i], 1e-6f, "scalar n=" + n + " i=" + i);
        }
      }
    }
  }

  @Test
  void combineAddsTheScaledRowsInBothKernelsAndTouchesNothingElse() {
    SplittableRandom random = new SplittableRandom(4);
    for (int n = 0; n <= 130; n += 1 + n / 8) {
      for (int count : new int[] {0, 1, 3, 6, 11}) {
        int stride = 1 + count % 3;
        float[] c = randomArray(random, 2 + count * stride);
        float[] x = randomArray(random, 20 * (n + 1));
        int[] offsets = new int[count];
        for (int j = 0; j < count; j++) {
          offsets[j] = random.nextInt(19) * (n + 1) + random.nextInt(2);
        }
        float[] y = randomArray(random, n + 6);
        for (Kernels kernels : new Kernels[] {SIMD, SCALAR}) {
          float[] got = y.clone();
          kernels.combine(c, 1, stride, count, x, offsets, got, 3, n);
          for (int i = 0; i < got.length; i++) {
            double expected = y[i];
            if (i >= 3 && i < 3 + n) {
              for (int j = 0; j < count; j++) {
                expected += (double) c[1 + j * stride] * x[offsets[j] + i - 3];
              }
            }
            assertEquals(
                expected, got[i], 1e-5 * (count + 1), kernels.name() + " n=" + n + " i=" + i);
          }
        }
      }
    }
  }

  @Test
  void publicKernelsDelegate() {
    float[] x = {1, 2, 3, 4, 5};
    float[] y = {5, 4, 3, 2, 1, 0};
    assertEquals(1 * 4 + 2 * 3 + 3 * 2 + 4 * 1 + 5 * 0, VectorMath.dot(x, 0, y, 1, 5), 0f);
    VectorMath.axpy(2f, x, 1, y, 0, 3);
    assertArrayEquals(new float[] {9, 10, 11, 2, 1, 0}, y);
    VectorMath.zero(y, 1, 2);
    assertArrayEquals(new float[] {9, 0, 0, 2, 1, 0}, y);
  }

  @Test
  void outOfBoundsIsAnException() {
    float[] x = new float[20];
    for (Kernels k : List.of(SCALAR, SIMD)) {
      org.junit.jupiter.api.Assertions.assertThrows(
          IndexOutOfBoundsException.class, () -> k.dot(x, 5, x, 0, 16), k.name());
      org.junit.jupiter.api.Assertions.assertThrows(
          IndexOutOfBoundsException.class, () -> k.axpy(1f, x, 0, x, 10, 16), k.name());
    }
  }

  /**
   * Main of the child JVM in {@link #withoutTheModuleTheScalarKernelsAreUsedAndSimdNeverLoaded}.
   */
  public static final class PrintImplementation {
    public static void main(String[] args) {
      float[] x = {1, 2, 3};
      System.out.println(VectorMath.implementation() + " " + VectorMath.dot(x, 0, x, 0, 3));
    }
  }

  @Test
  void withoutTheModuleTheScalarKernelsAreUsedAndSimdNeverLoaded()
      throws IOException, InterruptedException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xlog:class+load=info");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PrintImplementation.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains("scalar 14.0"), output);
    assertTrue(output.contains("dev.w2v.api.ScalarKernels"), output);
    assertFalse(output.contains("dev.w2v.api.SimdKernels"), output);
    assertFalse(output.contains("jdk.incubator.vector"), output);
    assertFalse(output.contains("WARNING: Using incubator modules"), output);
  }
}
