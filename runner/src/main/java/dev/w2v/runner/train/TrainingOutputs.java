package dev.w2v.runner.train;

import dev.w2v.core.W2vException;
import dev.w2v.runner.config.Configuration;
import dev.w2v.runner.render.Charts;
import dev.w2v.runner.render.PrincipalComponents;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** What every training run writes at its end: the vectors file and the two pictures. */
public final class TrainingOutputs {

  private final Configuration configuration;
  private final PrintWriter err;

  @Inject
  TrainingOutputs(Configuration configuration, @Named("err") PrintWriter err) {
    this.configuration = configuration;
    this.err = err;
  }

  /** The configured corpus, or the SST corpus bundled with w2v when none is set. */
  static Path corpus(Configuration configuration) {
    String corpus = configuration.getString("corpus");
    if (!corpus.isBlank()) {
      return Path.of(corpus);
    }
    return Path.of(System.getProperty("w2v.home", ".")).resolve("data/sst/datasetSentences.txt");
  }

  /**
   * Writes vectors.txt, word_vectors.png and loss.png.
   *
   * @param output the output matrix, or null when the trainer keeps none per word
   * @param lossSeries {x[], loss[]} for loss.png, x in units of {@code xAxis}
   */
  void write(
      OutputFolder folder, List<String> words, float[] input, float[] output, int dim, double[][] lossSeries, String xAxis) {
    float[] vectors = chooseVectors(words.size(), input, output, dim);
    writeText(folder.resolve("vectors.txt"), words, vectors, dim);
    plotWords(folder.resolve("word_vectors.png"), words, vectors, dim);
    Charts.lossCurve(lossSeries[0], lossSeries[1], "smoothed training loss", xAxis, folder.resolve("loss.png"));
  }

  private float[] chooseVectors(int words, float[] input, float[] output, int dim) {
    String which = configuration.getString("vectors");
    switch (which) {
      case "input":
        return input;
      case "output":
      case "sum":
        if (output == null || output.length != input.length) {
          throw new W2vException(
              "vectors = " + which + " needs one output row per word, but this loss has "
                  + (output == null ? 0 : output.length / dim) + " output rows for " + words + " words; use vectors = input");
        }
        if (which.equals("output")) {
          return output;
        }
        float[] sum = input.clone();
        for (int i = 0; i < sum.length; i++) {
          sum[i] += output[i];
        }
        return sum;
      default:
        throw new W2vException("configuration key 'vectors' must be input, output or sum, not '" + which + "'");
    }
  }

  private void plotWords(Path png, List<String> vocabulary, float[] vectors, int dim) {
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      index.put(vocabulary.get(i), i);
    }
    List<String> words = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String word : configuration.getStringList("plot-words")) {
      (index.containsKey(word) ? words : missing).add(word);
    }
    if (!missing.isEmpty()) {
      err.println("w2v: warning: not in the vocabulary, left out of the plot: " + String.join(", ", missing));
    }
    if (words.isEmpty()) {
      err.println("w2v: warning: no plot word is in the vocabulary; word_vectors.png not drawn");
      return;
    }
    float[] rows = new float[words.size() * dim];
    for (int i = 0; i < words.size(); i++) {
      System.arraycopy(vectors, index.get(words.get(i)) * dim, rows, i * dim, dim);
    }
    double[][] xy = PrincipalComponents.project(rows, words.size(), dim);
    Charts.wordScatter(words, xy[0], xy[1], "word vectors, first two principal components", png);
  }

  private static void writeText(Path file, List<String> words, float[] vectors, int dim) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      w.write(words.size() + " " + dim + "\n");
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < words.size(); i++) {
        line.setLength(0);
        line.append(words.get(i));
        for (int j = 0; j < dim; j++) {
          line.append(' ').append(vectors[i * dim + j]);
        }
        line.append('\n');
        w.write(line.toString());
      }
    } catch (IOException e) {
      throw new W2vException("cannot write " + file + ": " + e.getMessage());
    }
    try {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new W2vException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
