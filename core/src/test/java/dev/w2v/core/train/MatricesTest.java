package dev.w2v.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.MemoryException;
import dev.w2v.core.W2vException;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import org.junit.jupiter.api.Test;

class MatricesTest {

  @Test
  void inputRowsStartUniformInPlusMinusHalfOverDAndOutputsAtZero() {
    float[][] m = Matrices.allocate(50, 49, 6, 0);
    assertEquals(300, m[0].length);
    assertEquals(294, m[1].length);
    Matrices.initialiseInput(m[0], 6, new Xoshiro256PlusPlus(1));
    double min = 1;
    double max = -1;
    for (float x : m[0]) {
      assertTrue(x >= -0.5f / 6 && x < 0.5f / 6, "value " + x);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    assertTrue(min < -0.07 && max > 0.07, "spread over the range: " + min + " " + max);
    for (float x : m[1]) {
      assertEquals(0f, x);
    }
  }

  @Test
  void aMatrixLargerThanAJavaArrayIsAUserErrorNotAnOverflow() {
    W2vException e =
        assertThrows(W2vException.class, () -> Matrices.allocate(19539, 19539, 2_000_000_000, 0));
    assertTrue(e.getMessage().contains("19539 x 2000000000"), e.getMessage());
    assertTrue(e.getMessage().contains("lower dim"), e.getMessage());
  }

  @Test
  void matricesThatCannotFitInTheHeapSaySoBeforeAllocating() {
    int words = 1 << 20;
    int dim = (int) Math.min(2000, Runtime.getRuntime().maxMemory() / 4 / words + 100);
    MemoryException e =
        assertThrows(MemoryException.class, () -> Matrices.allocate(words, words, dim, 0));
    assertTrue(e.getMessage().contains("need about"), e.getMessage());
    assertTrue(e.getMessage().contains("W2V_JAVA_OPTS=-Xmx"), e.getMessage());
  }

  @Test
  void findsTheFirstNonFiniteValue() {
    float[] m = {0f, 1f, Float.NaN, Float.POSITIVE_INFINITY};
    assertEquals(2, Matrices.firstNonFinite(m));
    assertFalse(Matrices.allFinite(new float[] {1f}, m));
    assertTrue(Matrices.allFinite(new float[] {1f, -1e30f}));
  }
}
