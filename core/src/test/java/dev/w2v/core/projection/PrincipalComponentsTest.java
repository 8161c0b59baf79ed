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
  void agreesWithPowerIterationOnTheCovariance() {
    // 30 points in 8 dimensions with decreasing spread per axis, rotated by a random mixing
    SplittableRandom r = new SplittableRandom(11);
    int n = 30;
    int d = 8;
    float[] rows = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        rows[i * d + j] = (float) (r.nextGaussian() * (d - j) + (j == 0 ? 0 : 0.5 * rows[i * d]));
      }
    }
    double[][] x = new double[n][d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += rows[i * d + j];
      }
      mean /= n;
      for (int i = 0; i < n; i++) {
        x[i][j] = rows[i * d + j] - mean;
      }
    }
    double[][] c = new double[d][d];
    for (double[] p : x) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          c[a][b] += p[a] * p[b];
        }
      }
    }
    double[] first = topEigenvector(c);
    double lambda = quadratic(c, first);
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        c[a][b] -= lambda * first[a] * first[b];
      }
    }
    double[] second = topEigenvector(c);
    double[][] xy = PrincipalComponents.project(rows, n, d);
    for (int i = 0; i < n; i++) {
      assertEquals(Math.abs(dot(x[i], first)), Math.abs(xy[i][0]), 1e-4, "x of point " + i);
      assertEquals(Math.abs(dot(x[i], second)), Math.abs(xy[i][1]), 1e-4, "y of point " + i);
    }
  }

  @Test
  void identicalPointsOrASinglePointHaveNoComponents() {
    float[] same = {1, 2, 3, 1, 2, 3, 1, 2, 3};
    for (double[] p : PrincipalComponents.project(same, 3, 3)) {
      assertEquals(0, p[0]);
      assertEquals(0, p[1]);
    }
    double[][] one = PrincipalComponents.project(new float[] {4, 5}, 1, 2);
    assertEquals(0, one[0][0]);
    assertEquals(0, one[0][1]);
    assertEquals(0, PrincipalComponents.project(new float[0], 0, 5).length);
  }

  private static double[] topEigenvector(double[][] m) {
    double[] v = new double[m.length];
    java.util.Arrays.fill(v, 1);
    for (int it = 0; it < 5000; it++) {
      double[] next = new double[m.length];
      for (int a = 0; a < m.length; a++) {
        next[a] = dot(m[a], v);
      }
      double norm = Math.sqrt(dot(next, next));
      for (int a = 0; a < m.length; a++) {
        v[a] = next[a] / norm;
      }
    }
    return v;
  }

  private static double quadratic(double[][] m, double[] v) {
    double sum = 0;
    for (int a = 0; a < m.length; a++) {
      sum += v[a] * dot(m[a], v);
    }
    return sum;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
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
