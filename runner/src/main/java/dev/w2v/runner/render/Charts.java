package dev.w2v.runner.render;

import dev.w2v.core.W2vException;
import dev.w2v.core.projection.ProjectedWord;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /** The loss against training progress (iterations or epochs), written as a PNG. */
  public static void lossCurve(
      double[] iterations, double[] loss, String title, String xAxis, Path png) {
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
