package dev.w2v.runner.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.w2v.core.W2vException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code w2v train} output folder as the page shows it: the loss curve from {@code metrics.csv},
 * the figures of {@code evaluation.json}, and which of the usual outputs are there.
 *
 * <p>The files are read at each request, not at start, so that a page opened on a run that is still
 * training shows its progress when reloaded. {@code metrics.csv} is read by its header: column 0 is
 * the x axis and column 1 the loss, whatever their names ({@code iteration} and {@code
 * smoothed_loss} for the CS224n trainer, {@code words} or {@code epoch} and {@code loss} for the
 * fast one); a column named {@code learning_rate}, if any, is the learning rate.
 */
final class TrainingRun {

  /** Points sent for the loss curve at most; longer logs are thinned evenly, the last row kept. */
  static final int MAX_POINTS = 2000;

  /** Pictures a run folder may hold that the page may show; no other file is ever served. */
  static final List<String> PICTURES = List.of("loss.png", "word_vectors.png");

  private static final long MAX_METRICS_BYTES = 64L << 20;
  private static final long MAX_EVALUATION_BYTES = 4L << 20;
  private static final List<String> OUTPUTS =
      List.of(
          "vectors.txt",
          "metrics.csv",
          "evaluation.json",
          "loss.png",
          "word_vectors.png",
          "checkpoints");

  private final Path folder;
  private final ObjectMapper json;

  /**
   * A run folder; it must exist.
   *
   * @throws W2vException if it is missing or not a folder
   */
  TrainingRun(Path folder, ObjectMapper json) {
    if (!Files.isDirectory(folder)) {
      throw new W2vException(
          "run folder "
              + folder
              + (Files.exists(folder) ? " is not a folder" : " does not exist")
              + ": give --run the output folder of w2v train (its --out)");
    }
    this.folder = folder;
    this.json = json;
  }

  /** The loss log as sent to the page. */
  record Metrics(
      String file,
      List<String> columns,
      String x,
      String loss,
      String learningRate,
      int rows,
      int skippedLines,
      List<Double[]> points) {}

  /** What the page shows of a run; {@code missing} says, in words, what is not there and why. */
  record Snapshot(
      String folder,
      List<String> present,
      List<String> missing,
      Metrics metrics,
      JsonNode evaluation,
      List<String> pictures) {}

  Snapshot snapshot() {
    List<String> present = new ArrayList<>();
    for (String name : OUTPUTS) {
      if (Files.exists(folder.resolve(name))) {
        present.add(name);
      }
    }
    List<String> missing = new ArrayList<>();
    Metrics metrics = null;
    Path metricsFile = folder.resolve("metrics.csv");
    if (!Files.isRegularFile(metricsFile)) {
      missing.add(
          "metrics.csv is not in "
              + folder
              + ", so there is no loss curve"
              + (present.contains("loss.png") ? " to draw; loss.png is shown instead" : ""));
    } else {
      try {
        metrics = readMetrics(metricsFile);
      } catch (W2vException e) {
        missing.add(e.getMessage());
      }
    }
    JsonNode evaluation = null;
    Path evaluationFile = folder.resolve("evaluation.json");
    if (!Files.isRegularFile(evaluationFile)) {
      missing.add(
          "evaluation.json is not in "
              + folder
              + ": w2v train writes it when given --set analogies=FILE and/or --set similarity=FILE");
    } else {
      try {
        evaluation = readEvaluation(evaluationFile);
      } catch (W2vException e) {
        missing.add(e.getMessage());
      }
    }
    List<String> pictures = PICTURES.stream().filter(present::contains).toList();
    return new Snapshot(folder.toString(), present, missing, metrics, evaluation, pictures);
  }

  /** The path of picture {@code name} if it is one of {@link #PICTURES} and exists, else null. */
  Path picture(String name) {
    if (!PICTURES.contains(name)) {
      return null;
    }
    Path file = folder.resolve(name);
    return Files.isRegularFile(file) ? file : null;
  }

  Metrics readMetrics(Path file) {
    try {
      if (Files.size(file) > MAX_METRICS_BYTES) {
        throw new W2vException(
            file + " is larger than " + (MAX_METRICS_BYTES >> 20) + " MB; not drawn");
      }
      List<Double[]> rows = new ArrayList<>();
      List<String> columns;
      int skipped = 0;
      int lrColumn;
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String header = in.readLine();
        if (header == null || header.isBlank()) {
          throw new W2vException(file + " is empty; there is no loss curve yet");
        }
        columns = List.of(header.strip().split("\\s*,\\s*"));
        if (columns.size() < 2) {
          throw new W2vException(
              file + " has one column (" + header.strip() + "); a loss curve needs x and loss");
        }
        if (isNumber(columns.get(0))) {
          throw new W2vException(
              file + " has no header line (it starts with '" + header.strip() + "')");
        }
        lrColumn = columns.indexOf("learning_rate");
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          String[] f = line.split(",", -1);
          Double[] row = parseRow(f, lrColumn);
          if (row == null) {
            skipped++; // a torn last line of a run still writing, or a foreign line
          } else {
            rows.add(row);
          }
        }
      }
      return new Metrics(
          file.getFileName().toString(),
          columns,
          columns.get(0),
          columns.get(1),
          lrColumn < 0 ? null : columns.get(lrColumn),
          rows.size(),
          skipped,
          thin(rows));
    } catch (IOException e) {
      throw new W2vException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Double[] parseRow(String[] f, int lrColumn) {
    if (f.length < 2 || (lrColumn >= 0 && f.length <= lrColumn)) {
      return null;
    }
    try {
      double x = Double.parseDouble(f[0].strip());
      double loss = Double.parseDouble(f[1].strip());
      if (!Double.isFinite(x)) {
        return null;
      }
      // A diverged loss (NaN, infinity) is a fact of the run: kept, sent as null (a gap).
      return lrColumn < 0
          ? new Double[] {x, finite(loss)}
          : new Double[] {x, finite(loss), finite(Double.parseDouble(f[lrColumn].strip()))};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static List<Double[]> thin(List<Double[]> rows) {
    if (rows.size() <= MAX_POINTS) {
      return rows;
    }
    List<Double[]> out = new ArrayList<>(MAX_POINTS);
    int n = rows.size();
    for (int k = 0; k < MAX_POINTS; k++) {
      // evenly spaced indices from 0 to n - 1, so the first and the last row are both kept
      out.add(rows.get((int) ((long) k * (n - 1) / (MAX_POINTS - 1))));
    }
    return out;
  }

  JsonNode readEvaluation(Path file) {
    try {
      if (Files.size(file) > MAX_EVALUATION_BYTES) {
        throw new W2vException(
            file + " is larger than " + (MAX_EVALUATION_BYTES >> 20) + " MB; not shown");
      }
      return json.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new W2vException(
          file
              + " is not valid JSON ("
              + e.getOriginalMessage().lines().findFirst().orElse("").toLowerCase(Locale.ROOT)
              + ")",
          e);
    } catch (IOException e) {
      throw new W2vException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
