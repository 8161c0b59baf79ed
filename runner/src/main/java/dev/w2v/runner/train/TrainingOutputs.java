package dev.w2v.runner.train;

import dev.w2v.core.W2vException;
import dev.w2v.core.corpus.VocabularyFile;
import dev.w2v.core.eval.AnalogyEvaluator;
import dev.w2v.core.model.ModelFile;
import dev.w2v.core.model.SavedModel;
import dev.w2v.core.projection.PrincipalComponents;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.vectors.VectorFileWriter;
import dev.w2v.core.vectors.VectorFormat;
import dev.w2v.core.vectors.WordVectors;
import dev.w2v.runner.config.Configuration;
import dev.w2v.runner.config.RunnerSettings;
import dev.w2v.runner.query.EvaluateCommand;
import dev.w2v.runner.render.Charts;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What every training run writes at its end: the model, the vectors, the vocabulary, the pictures,
 * the evaluation.
 */
public final class TrainingOutputs {

  private final Configuration configuration;
  private final PrintWriter out;
  private final PrintWriter err;

  @Inject
  TrainingOutputs(
      Configuration configuration, @Named("out") PrintWriter out, @Named("err") PrintWriter err) {
    this.configuration = configuration;
    this.out = out;
    this.err = err;
  }

  /** The SST corpus bundled with w2v, trained on when no corpus is set. */
  static Path bundledCorpus() {
    return Path.of(System.getProperty("w2v.home", ".")).resolve("data/sst/datasetSentences.txt");
  }

  /**
   * Writes model.w2v, the vocabulary file, the vector files, word_vectors.png, evaluation.json when
   * configured, and loss.png.
   *
   * @param loss the loss's name, recorded in model.w2v
   * @param lossSeries {x[], loss[]} for loss.png, x in units of {@code xAxis}
   */
  void write(
      OutputFolder folder, TrainedModel model, String loss, double[][] lossSeries, String xAxis) {
    // The plots need nothing else written here, so each is drawn on a spare core meanwhile.
    Background.start(
            "w2v-loss-plot",
            () ->
                Charts.lossCurve(
                    lossSeries[0],
                    lossSeries[1],
                    "training loss",
                    xAxis,
                    folder.resolve("loss.png")))
        .alongside(() -> writeAllButLossPlot(folder, model, loss));
  }

  private void writeAllButLossPlot(OutputFolder folder, TrainedModel model, String loss) {
    Path modelFile = folder.resolve(SavedModel.FILE_NAME);
    if (RunnerSettings.SAVE_MODEL.booleanValue(configuration)) {
      // First: the sum vectors below are added into the input matrix in place.
      ModelFile.write(model.toSaved(loss, modelFile.toString()), modelFile);
    } else {
      removeStale(modelFile, "save-model = false");
    }
    String vocabulary = RunnerSettings.SAVE_VOCAB.stringValue(configuration).trim();
    if (!vocabulary.isEmpty()) {
      VocabularyFile.write(model.vocabulary(), Path.of(vocabulary));
    }
    // Training is over, so the matrix is handed over rather than copied: no second V x d at the
    // memory peak.
    WordVectors vectors =
        WordVectors.ofOwned(model.vocabulary().words(), model.dimension(), chooseVectors(model));
    Background.start("w2v-word-plot", () -> plotWords(folder.resolve("word_vectors.png"), vectors))
        .alongside(() -> writeVectorFiles(folder, vectors));
  }

  private void writeVectorFiles(OutputFolder folder, WordVectors vectors) {
    String format = RunnerSettings.VECTORS_FORMAT.stringValue(configuration);
    Path text = folder.resolve("vectors.txt");
    Path binary = folder.resolve("vectors.bin");
    String why = "vectors-format = " + format;
    if (format.equals("binary")) {
      removeStale(text, why);
    } else {
      writeVectors(text, vectors, VectorFormat.TEXT);
    }
    if (format.equals("text")) {
      removeStale(binary, why);
    } else {
      writeVectors(binary, vectors, VectorFormat.BINARY);
    }
    evaluate(folder, vectors, format.equals("binary") ? binary : text);
  }

  /** Deletes an earlier run's output that this run does not write, so none is left stale. */
  private void removeStale(Path file, String why) {
    try {
      if (Files.deleteIfExists(file)) {
        err.println(
            "w2v: warning: removed "
                + file
                + ", an earlier run's output (this run has "
                + why
                + ")");
        err.flush();
      }
    } catch (IOException e) {
      throw new W2vException(
          "cannot remove " + file + ", an earlier run's output: " + e.getMessage());
    }
  }

  /** Runs the evaluation files the configuration names, if any; prints and saves the results. */
  private void evaluate(OutputFolder folder, WordVectors vectors, Path file) {
    String analogies = configuration.getString("analogies");
    List<Path> similarity =
        configuration.getStringList("similarity").stream().map(Path::of).toList();
    if (analogies.isBlank() && similarity.isEmpty()) {
      return;
    }
    EvaluateCommand.Evaluation evaluation =
        EvaluateCommand.Evaluation.run(
            vectors,
            file,
            analogies.isBlank() ? null : Path.of(analogies),
            similarity,
            AnalogyEvaluator.defaults().restrictVocab(),
            true);
    out.print(evaluation.toTable());
    out.flush();
    try {
      Files.writeString(folder.resolve("evaluation.json"), evaluation.toJson());
    } catch (IOException e) {
      throw new W2vException(
          "cannot write " + folder.resolve("evaluation.json") + ": " + e.getMessage());
    }
  }

  private float[] chooseVectors(TrainedModel model) {
    String which = RunnerSettings.VECTORS.stringValue(configuration);
    if (which.equals("input")) {
      return model.input();
    }
    if (!model.outputIsPerWord()) {
      throw new W2vException(
          "vectors = "
              + which
              + " needs one output row per word, but this loss has "
              + model.outputRows()
              + " output rows for "
              + model.vocabulary().size()
              + " words; use vectors = input");
    }
    if (which.equals("output")) {
      return model.output();
    }
    float[] sum = model.input();
    float[] output = model.output();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += output[i];
    }
    return sum;
  }

  private void plotWords(Path png, WordVectors vectors) {
    List<String> words = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String word : configuration.getStringList("plot-words")) {
      (vectors.rowOf(word) >= 0 ? words : missing).add(word);
    }
    if (!missing.isEmpty()) {
      err.println(
          "w2v: warning: not in the vocabulary, left out of the plot: "
              + String.join(", ", missing));
    }
    if (words.isEmpty()) {
      err.println("w2v: warning: no plot word is in the vocabulary; word_vectors.png not drawn");
      return;
    }
    Charts.wordScatter(
        PrincipalComponents.project(vectors, words),
        "word vectors, first two principal components",
        png);
  }

  private static void writeVectors(Path file, WordVectors vectors, VectorFormat format) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    VectorFileWriter.write(vectors, temporary, format);
    try {
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new W2vException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
