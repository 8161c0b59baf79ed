package dev.w2v.core.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TsneTest {

  private static final int CLUSTERS = 3;
  private static final int PER_CLUSTER = 30;
  private static final int DIM = 10;

  /** Three tight, well separated Gaussian clusters in 10 dimensions, interleaved in row order. */
  private static float[] clusters() {
    SplittableRandom random = new SplittableRandom(5);
    float[] rows = new float[CLUSTERS * PER_CLUSTER * DIM];
    for (int i = 0; i < CLUSTERS * PER_CLUSTER; i++) {
      int cluster = i % CLUSTERS;
      for (int k = 0; k < DIM; k++) {
        double centre = k == cluster ? 10 : 0;
        rows[i * DIM + k] = (float) (centre + random.nextGaussian());
      }
    }
    return rows;
  }

  private static double distance(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }

  @Test
  void pointsOfOneClusterStayTogetherOnTheMap() {
    int n = CLUSTERS * PER_CLUSTER;
    double[][] map = Tsne.project(clusters(), n, DIM, Tsne.Settings.defaults());
    for (int i = 0; i < n; i++) {
      int nearest = -1;
      for (int j = 0; j < n; j++) {
        if (j != i && (nearest < 0 || distance(map[i], map[j]) < distance(map[i], map[nearest]))) {
          nearest = j;
        }
      }
      assertEquals(i % CLUSTERS, nearest % CLUSTERS, "the nearest point on the map to " + i);
    }
    // and the clusters are apart: every cross-cluster distance exceeds every within-cluster one
    double within = 0;
    double across = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dist = distance(map[i], map[j]);
        if (i % CLUSTERS == j % CLUSTERS) {
          within = Math.max(within, dist);
        } else {
          across = Math.min(across, dist);
        }
      }
    }
    assertTrue(across > within, "across " + across + " within " + within);
  }

  @Test
  void theSameRowsAndSeedGiveTheSameMapAndTheMapIsCentred() {
    int n = CLUSTERS * PER_CLUSTER;
    Tsne.Settings settings = new Tsne.Settings(10, 300, 7);
    double[][] first = Tsne.project(clusters(), n, DIM, settings);
    double[][] second = Tsne.project(clusters(), n, DIM, settings);
    for (int i = 0; i < n; i++) {
      assertArrayEquals(first[i], second[i], 0.0, "point " + i);
    }
    double[][] otherSeed = Tsne.project(clusters(), n, DIM, new Tsne.Settings(10, 300, 8));
    assertFalse(Arrays.equals(first[0], otherSeed[0]), "the seed chooses the start");
    double meanX = Arrays.stream(first).mapToDouble(p -> p[0]).average().orElseThrow();
    double meanY = Arrays.stream(first).mapToDouble(p -> p[1]).average().orElseThrow();
    assertEquals(0, meanX, 1e-9);
    assertEquals(0, meanY, 1e-9);
  }

  @Test
  void tinyInputsArePlacedWithoutOptimisation() {
    assertEquals(0, Tsne.project(new float[0], 0, 3, Tsne.Settings.defaults()).length);
    assertArrayEquals(
        new double[] {0, 0}, Tsne.project(new float[3], 1, 3, Tsne.Settings.defaults())[0]);
    double[][] two = Tsne.project(new float[] {1, 0, 0, 1}, 2, 2, Tsne.Settings.defaults());
    assertEquals(2, distance(two[0], two[1]), 1e-12);
    // three points, two of them equal: perplexity 1 leaves the map loosely determined, but every
    // position is finite and the points are apart
    double[][] three =
        Tsne.project(new float[] {0, 0, 0, 0, 5, 5}, 3, 2, new Tsne.Settings(30, 1000, 1));
    for (double[] point : three) {
      assertTrue(Double.isFinite(point[0]) && Double.isFinite(point[1]), Arrays.toString(point));
    }
    assertTrue(distance(three[0], three[2]) > 0 && distance(three[1], three[2]) > 0);
  }

  @Test
  void perplexityIsLoweredForFewPointsAndSettingsAreChecked() {
    assertEquals(30, Tsne.effectivePerplexity(500, Tsne.Settings.defaults()));
    assertEquals(3, Tsne.effectivePerplexity(10, Tsne.Settings.defaults()));
    assertEquals(1, Tsne.effectivePerplexity(3, Tsne.Settings.defaults()));
    assertThrows(IllegalArgumentException.class, () -> new Tsne.Settings(0.5, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new Tsne.Settings(30, 0, 1));
    int tooMany = Tsne.MAX_POINTS + 1;
    assertThrows(
        IllegalArgumentException.class,
        () -> Tsne.project(new float[tooMany], tooMany, 1, Tsne.Settings.defaults()));
  }
}
