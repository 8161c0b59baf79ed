package dev.w2v.runner.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.DoubleStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

  @TempDir Path dir;

  @Test
  void aShortSeriesIsPlottedAsItIs() {
    double[] x = {1, 2, 3};
    double[] y = {5, 4, 6};
    double[][] e = Charts.envelope(x, y, 2);
    assertSame(x, e[0]);
    assertSame(y, e[1]);
  }

  @Test
  void aLongSeriesKeepsEachBucketsLowestAndHighestInOrder() {
    // Two buckets of four: the first falls to its low at index 2 after its high at 1, the second
    // rises to its high at 7 after its low at 5.
    double[] x = {0, 1, 2, 3, 4, 5, 6, 7};
    double[] y = {5, 9, 1, 4, 6, 2, 7, 8};
    double[][] e = Charts.envelope(x, y, 2);
    assertArrayEquals(new double[] {1, 2, 5, 7}, e[0]);
    assertArrayEquals(new double[] {9, 1, 2, 8}, e[1]);
  }

  @Test
  void aSpikeAndTheLastPointSurviveThinning() {
    int n = 40_000;
    double[] x = DoubleStream.iterate(10, v -> v + 10).limit(n).toArray();
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 20 * Math.exp(-i / 5000.0) + 9;
    }
    y[12_345] = 1000;
    double[][] e = Charts.envelope(x, y, Charts.LOSS_BUCKETS);
    assertTrue(e[0].length <= 2 * Charts.LOSS_BUCKETS, "points: " + e[0].length);
    assertEquals(1000, DoubleStream.of(e[1]).max().orElseThrow());
    assertEquals(x[n - 1], e[0][e[0].length - 1]);
    assertEquals(x[0], e[0][0]);
    for (int i = 1; i < e[0].length; i++) {
      assertTrue(e[0][i] > e[0][i - 1], "x not increasing at " + i);
    }
  }

  @Test
  void aBucketOfNanAndNumbersPlotsTheNumbers() {
    double[] x = {0, 1, 2, 3};
    double[] y = {Double.NaN, 3, 7, Double.NaN};
    double[][] e = Charts.envelope(x, y, 1);
    assertArrayEquals(new double[] {3, 7}, e[1]);
  }

  @Test
  void aLongLossCurveIsStillDrawnAsAPicture() throws Exception {
    int n = 4000;
    double[] x = DoubleStream.iterate(10, v -> v + 10).limit(n).toArray();
    double[] y = DoubleStream.iterate(22, v -> v * 0.9995).limit(n).toArray();
    Path png = dir.resolve("loss.png");
    Charts.warmUpInBackground();
    Charts.lossCurve(x, y, "training loss", "iteration", png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(900, image.getWidth());
    assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".tmp")));
  }
}
