package dev.w2v.core.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.vectors.WordVectors;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

  @Test
  void pointsOnALineProjectToTheirPositionAlongIt() {
    // p_i = base + t_i * u with |u| = 1 in 5 dimensions: x = t_i - mean(t) up to sign, y = 0
    double[] u = {1, 2, -2, 0, 4};
    double len = Math.sqrt(25);
    double[] t = {-3, 0.5, 1, 2, 7};
    float[] rows = new float[t.length * 5];
    for (int i = 0; i < t.length; i++) {
      for (int j = 0; j < 5; j++) {
        rows[i * 5 + j] = (float) (10 + j + t[i] * u[j] / len);
      }
    }
    double[][] xy = PrincipalComponents.project(rows, t.length, 5);
    double mean = 1.5;
    // the farthest point (t = 7) is oriented positive
    for (int i = 0; i < t.length; i++) {
      assertEquals(t[i] - mean, xy[i][0], 1e-4, "x of point " + i);
      assertEquals(0, xy[i][1], 1e-4, "y of point " + i);
    }
  }

  @Test
  void moreWordsThanDimensionsUsesTheCovarianceAndFindsThePlane() {
    // 40 points in a plane spanned by e0 (spread 10) and e1 (spread 1) inside 3-D space
    SplittableRandom r = new SplittableRandom(3);
    int n = 40;
    float[] rows = new float[n * 3];
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextGaussian() * 10;
      b[i] = r.nextGaussian();
      rows[i * 3] = (float) a[i];
      rows[i * 3 + 1] = (float) b[i];
      rows[i * 3 + 2] = 5f;
    }
    double[][] xy = PrincipalComponents.project(rows, n, 3);
    double ma = java.util.Arrays.stream(a).average().orElseThrow();
    double mb = java.util.Arrays.stream(b).average().orElseThrow();
    // projected distances equal original in-plane distances (the plane is recovered exactly)
    for (int i = 1; i < n; i++) {
      double original = Math.hypot(a[i] - ma, b[i] - mb);
      assertEquals(original, Math.hypot(xy[i][0], xy[i][1]), 1e-3);
    }
    double varX = 0;
    double varY = 0;
    for (double[] p : xy) {
      varX += p[0] * p[0];
      varY += p[1] * p[1];
    }
    assertTrue(varX > 10 * varY, "first axis carries the most variance");
  }

  @Test
  void jacobiDiagonalizesASymmetricMatrix() {
    double[][] m = {{4, 1, 2}, {1, 3, 0}, {2, 0, 5}};
    double[][] copy = {{4, 1, 2}, {1, 3, 0}, {2, 0, 5}};
    double[][] v = new double[3][3];
    double[] values = PrincipalComponents.jacobi(m, v);
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 3; i++) {
        double av = 0;
        for (int j = 0; j < 3; j++) {
          av += copy[i][j] * v[j][k];
        }
        assertEquals(values[k] * v[i][k], av, 1e-9);
      }
    }
    assertEquals(12, values[0] + values[1] + values[2], 1e-9, "trace is preserved");
  }

  @Test
  void projectsWordsByName() {
    WordVectors w = WordVectors.of(List.of("a", "b", "c"), 2, new float[] {0, 0, 1, 0, 3, 0});
    List<ProjectedWord> p = PrincipalComponents.project(w, List.of("c", "a"));
    assertEquals("c", p.get(0).word());
    assertEquals(1.5, p.get(0).x(), 1e-9);
    assertEquals(-1.5, p.get(1).x(), 1e-9);
  }
}
