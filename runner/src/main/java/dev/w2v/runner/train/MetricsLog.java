package dev.w2v.runner.train;

import dev.w2v.core.W2vException;
import dev.w2v.core.train.Metric;
import dev.w2v.core.train.TrainingPlan;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.csv}: position, loss and learning rate at every metric row. It is made durable
 * (flushed and synced) before every checkpoint, so a checkpoint never runs ahead of the file; on
 * resume the rows after the checkpoint's position are dropped, since the resumed run records them
 * again, and the file ends up equal to an uninterrupted run's.
 */
final class MetricsLog implements Closeable {

  private final Path file;
  private final FileOutputStream stream;
  private final BufferedWriter writer;
  private final List<double[]> points = new ArrayList<>();

  /**
   * Opens the file for a run that starts at {@code plan.start()}: a fresh run (start 0) replaces
   * it; a resumed run keeps its rows up to the start if their columns are the plan's.
   */
  MetricsLog(Path file, TrainingPlan plan) {
    this.file = file;
    String header = plan.positionColumn() + "," + plan.lossColumn() + ",learning_rate";
    try {
      List<String> kept = new ArrayList<>();
      if (plan.start() > 0 && Files.isRegularFile(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).equals(header)) {
          for (String line : lines.subList(1, lines.size())) {
            double[] point = parse(line);
            if (point != null && point[0] <= plan.start()) {
              kept.add(line);
              points.add(point);
            }
          }
        }
      }
      stream = new FileOutputStream(file.toFile());
      writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      writer.write(header);
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

  /** {position, loss}, or null for a torn or foreign line (dropped). */
  private static double[] parse(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 3) {
      return null;
    }
    try {
      return new double[] {Long.parseLong(f[0]), Double.parseDouble(f[1])};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  void add(Metric m) {
    points.add(new double[] {m.position(), m.loss()});
    try {
      writer.write(m.position() + "," + m.loss() + "," + m.learningRate());
      writer.newLine();
    } catch (IOException e) {
      throw new W2vException("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Flushes and syncs what was written: called before a checkpoint. */
  void sync() {
    try {
      writer.flush();
      stream.getFD().sync();
    } catch (IOException e) {
      throw new W2vException("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** {positions[], losses[]} of every row, for the loss plot. */
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
