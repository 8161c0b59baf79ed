package dev.w2v.runner.render;

import dev.w2v.core.W2vException;
import dev.w2v.core.projection.ProjectedWord;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The two pictures a training run draws: words in 2-D, and the smoothed loss. */
public final class Charts {

  private static final int WIDTH = 900;
  private static final int HEIGHT = 700;

  private Charts() {}

  /**
   * A labelled scatter plot of words at 2-D coordinates (for example their first two principal
   * components), written as a PNG.
   */
  public static void wordScatter(List<ProjectedWord> points, String title, Path png) {
    if (points.isEmpty()) {
      throw new W2vException("no words to plot: none of the plot words is in the vocabulary");
    }
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle("principal component 1")
            .yAxisTitle("principal component 2")
            .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(8);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(true);
    chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    double[] x = points.stream().mapToDouble(ProjectedWord::x).toArray();
    double[] y = points.stream().mapToDouble(ProjectedWord::y).toArray();
    XYSeries series = chart.addSeries("words", x, y);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setMarkerColor(new Color(31, 119, 180));
    double spanY = span(y);
    for (ProjectedWord p : points) {
      // Labels sit just above their point so the point stays visible.
      chart.addAnnotation(new AnnotationText(p.word(), p.x(), p.y() + spanY * 0.025, false));
    }
    write(chart, png);
  }

  /**
   * Draws a small chart into memory and throws it away, so that the one-time set-up of fonts,
   * Java2D and the PNG encoder (about half a second) is paid on a spare core while training runs
   * rather than after it. Returns at once; does nothing on a single core, where it would only
   * compete with training.
   */
  public static void warmUpInBackground() {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return;
    }
    Thread warm =
        new Thread(
            () -> {
              try {
                XYChart chart = new XYChartBuilder().width(64).height(48).title("w").build();
                chart.addSeries("w", new double[] {0, 1}, new double[] {0, 1});
                chart.addAnnotation(new AnnotationText("w", 0.5, 0.5, false));
                BitmapEncoder.saveBitmap(
                    chart, OutputStream.nullOutputStream(), BitmapEncoder.BitmapFormat.PNG);
              } catch (IOException | RuntimeException | LinkageError e) {
                // Only a head start: the real plots report any problem themselves.
              }
            },
            "w2v-chart-warm-up");
    warm.setDaemon(true);
    warm.setPriority(Thread.MIN_PRIORITY);
    warm.start();
  }

  /**
   * The loss against training progress (iterations or epochs), written as a PNG. Long series are
   * thinned to the lowest and highest loss in each of {@link #LOSS_BUCKETS} stretches: the chart
   * library draws every point separately (about 0.1 ms each), and a plot a few hundred pixels wide
   * shows no more than that envelope anyway.
   */
  public static void lossCurve(
      double[] iterations, double[] loss, String title, String xAxis, Path png) {
    double[][] thinned = envelope(iterations, loss, LOSS_BUCKETS);
    iterations = thinned[0];
    loss = thinned[1];
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT / 7 * 5)
            .title(title)
            .xAxisTitle(xAxis)
            .yAxisTitle("smoothed loss")
            .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    XYSeries series =
        chart.addSeries(
            "loss",
            iterations.length == 0 ? new double[] {0} : iterations,
            loss.length == 0 ? new double[] {0} : loss);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(new Color(214, 39, 40));
    write(chart, png);
  }

  /** Series longer than twice this are thinned to a min and a max per bucket. */
  static final int LOSS_BUCKETS = 300;

  /**
   * {x[], y[]} with at most {@code 2 * buckets} points: per consecutive bucket of points, the one
   * with the lowest and the one with the highest y, in their original order. Shorter series are
   * returned as they are.
   */
  static double[][] envelope(double[] x, double[] y, int buckets) {
    int n = x.length;
    if (n <= 2 * buckets) {
      return new double[][] {x, y};
    }
    double[] tx = new double[2 * buckets];
    double[] ty = new double[2 * buckets];
    int m = 0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) n * b / buckets);
      int to = (int) ((long) n * (b + 1) / buckets);
      int low = from;
      int high = from;
      for (int i = from + 1; i < to; i++) {
        // NaN never compares, so a bucket's NaN stays out unless the whole bucket is NaN.
        if (y[i] < y[low] || Double.isNaN(y[low])) {
          low = i;
        }
        if (y[i] > y[high] || Double.isNaN(y[high])) {
          high = i;
        }
      }
      int first = Math.min(low, high);
      int second = Math.max(low, high);
      tx[m] = x[first];
      ty[m++] = y[first];
      if (second != first) {
        tx[m] = x[second];
        ty[m++] = y[second];
      }
    }
    return new double[][] {Arrays.copyOf(tx, m), Arrays.copyOf(ty, m)};
  }

  private static double span(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max > min ? max - min : 1;
  }

  private static void write(XYChart chart, Path png) {
    // Written beside the target and renamed, so a reader never sees half a picture.
    Path temporary = png.resolveSibling(png.getFileName() + ".tmp");
    try {
      try (var stream = Files.newOutputStream(temporary)) {
        BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG);
      }
      Files.move(
          temporary, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new W2vException(
          "cannot write " + png + ": " + e.getMessage() + "; check the output folder");
    }
  }
}
