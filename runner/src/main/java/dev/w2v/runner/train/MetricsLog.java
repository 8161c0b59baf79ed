package dev.w2v.runner.train;

import dev.w2v.core.W2vException;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.csv}: iteration, smoothed loss and learning rate at every report, flushed as it
 * goes so a crash loses nothing reported. On resume the rows after the checkpoint are dropped,
 * since the resumed run reports them again.
 */
final class MetricsLog implements Closeable {

  static final String HEADER = "iteration,smoothed_loss,learning_rate";

  private final Path file;
  private final BufferedWriter writer;
  private final List<double[]> points = new ArrayList<>();

  MetricsLog(Path file, long keepUpTo) {
    this.file = file;
    try {
      List<String> kept = new ArrayList<>();
      if (keepUpTo > 0 && Files.isRegularFile(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] f = line.split(",");
          if (f.length == 3 && !line.equals(HEADER)) {
            try {
              long iteration = Long.parseLong(f[0]);
              if (iteration <= keepUpTo) {
                kept.add(line);
                points.add(new double[] {iteration, Double.parseDouble(f[1])});
              }
            } catch (NumberFormatException e) {
              // A torn last line from a crash: dropped.
            }
          }
        }
      }
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      writer.write(HEADER);
      writer.newLine();
      for (String line : kept) {
        writer.write(line);
        writer.newLine();
      }
      writer.flush();
    } catch (IOException e) {
      throw new W2vException("cannot write " + file + ": " + e.getMessage());
    }
  }

  void add(long iteration, double smoothedLoss, double learningRate) {
    points.add(new double[] {iteration, smoothedLoss});
    try {
      writer.write(iteration + "," + smoothedLoss + "," + learningRate);
      writer.newLine();
      if (points.size() % 100 == 0) {
        writer.flush();
      }
    } catch (IOException e) {
      throw new W2vException("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** {iterations[], losses[]} of every row, for the loss plot. */
  double[][] series() {
    double[][] s = new double[2][points.size()];
    for (int i = 0; i < points.size(); i++) {
      s[0][i] = points.get(i)[0];
      s[1][i] = points.get(i)[1];
    }
    return s;
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new W2vException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
