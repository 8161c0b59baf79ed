package dev.w2v.runner.train;

import dev.w2v.api.Loss;
import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.Checkpoint;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.corpus.Corpus;
import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusReader;
import dev.w2v.core.train.Cs224nConfig;
import dev.w2v.core.train.Cs224nTrainer;
import dev.w2v.core.train.TrainingListener;
import dev.w2v.runner.config.Configuration;
import dev.w2v.runner.plugins.ConfiguredLoss;
import dev.w2v.runner.plugins.Plugins;
import dev.w2v.runner.render.ProgressDisplay;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CS224n trainer's run: SST (or any corpus) in, vectors, plots, metrics and checkpoints out.
 */
public final class Cs224nJob implements TrainingJob {

  private final Configuration configuration;
  private final ConfiguredLoss configuredLoss;
  private final Plugins plugins;
  private final PrintWriter out;
  private final TrainingOutputs outputs;

  @Inject
  Cs224nJob(
      Configuration configuration,
      ConfiguredLoss configuredLoss,
      Plugins plugins,
      @Named("out") PrintWriter out,
      TrainingOutputs outputs) {
    this.configuration = configuration;
    this.configuredLoss = configuredLoss;
    this.plugins = plugins;
    this.out = out;
    this.outputs = outputs;
  }

  static Cs224nConfig config(Configuration c) {
    try {
      return new Cs224nConfig(
          c.getPositiveInt("dim"),
          c.getPositiveInt("window"),
          c.getPositiveInt("iterations"),
          c.getPositiveInt("batch-size"),
          c.getDouble("lr"),
          c.getPositiveInt("anneal-every"),
          c.getDouble("sample"),
          30,
          c.getPositiveInt("checkpoint-every"),
          c.getPositiveInt("report-every"),
          c.getLong("seed"));
    } catch (IllegalArgumentException e) {
      throw new W2vException("configuration error: " + e.getMessage());
    }
  }

  @Override
  public void run(boolean resume) {
    long started = System.nanoTime();
    Cs224nConfig config = config(configuration);
    OutputFolder folder = OutputFolder.prepare(configuration.getPath("out"));
    Path corpusFile = TrainingOutputs.corpus(configuration);
    CorpusFormat format;
    try {
      format = CorpusFormat.parse(configuration.getString("corpus-format"));
    } catch (IllegalArgumentException e) {
      throw new W2vException("configuration error: " + e.getMessage());
    }
    Corpus corpus = CorpusReader.read(corpusFile, format, configuration.getBoolean("lowercase"));
    Loss loss = configuredLoss.create(corpus.vocabulary().wordCounts(), config.dim());
    Cs224nTrainer trainer = new Cs224nTrainer(config, corpus, loss, configuredLoss.description());
    CheckpointStore store = new CheckpointStore(folder.resolve("checkpoints"), 3);
    PrintWriter err = new PrintWriter(System.err, true);
    if (resume) {
      Optional<Checkpoint> checkpoint = store.loadNewest(w -> err.println("w2v: warning: " + w));
      if (checkpoint.isEmpty()) {
        throw new W2vException(
            "nothing to resume: no checkpoint in "
                + store.folder()
                + "; run without --resume to start");
      }
      trainer.restore(checkpoint.get());
      err.println("w2v: resuming from iteration " + trainer.iteration());
    }
    List<Path> earlier = resume ? List.of() : store.files();
    if (!earlier.isEmpty()) {
      err.println(
          "w2v: starting afresh: the checkpoints of an earlier run in "
              + store.folder()
              + " are replaced once this run writes its first (use --resume to continue that run instead)");
    }
    if (trainer.iteration() >= config.iterations()) {
      err.println(
          "w2v: the checkpoint is already at iteration "
              + trainer.iteration()
              + "; raise --iterations to train further");
    }

    try (MetricsLog metrics = new MetricsLog(folder.resolve("metrics.csv"), trainer.iteration());
        ProgressDisplay progress =
            new ProgressDisplay("training", "it", config.iterations(), System.err)) {
      TrainingListener listener =
          new TrainingListener() {
            @Override
            public void progress(long iteration, double smoothedLoss, double learningRate) {
              metrics.add(iteration, smoothedLoss, learningRate);
              progress.update(
                  iteration,
                  () ->
                      String.format(Locale.ROOT, "loss %.3f  lr %.3g", smoothedLoss, learningRate));
            }

            @Override
            public void checkpointed(long iteration, Path file) {
              // Only now: a fresh run that dies before its first checkpoint leaves the old ones.
              deleteAll(earlier, file);
            }

            @Override
            public void warning(String message) {
              err.println("w2v: warning: " + message);
            }
          };
      try {
        trainer.train(store, listener);
      } catch (W2vException e) {
        throw e;
      } catch (RuntimeException | LinkageError e) {
        throw blame(e, store);
      }
      progress.close();
      double[][] series = metrics.series();
      outputs.write(
          folder,
          corpus.vocabulary().words(),
          trainer.inputVectors(),
          trainer.outputVectors(),
          config.dim(),
          series,
          "iteration");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        Locale.ROOT,
        "final smoothed loss %.4f after %d iterations (%s loss, %d words, dim %d) in %.1f s; outputs in %s%n",
        trainer.smoothedLoss(),
        trainer.iteration(),
        configuredLoss.lossProvider().name(),
        corpus.vocabulary().size(),
        config.dim(),
        seconds,
        folder.path());
    out.flush();
  }

  private W2vException blame(Throwable e, CheckpointStore store) {
    String culprit = plugins.blame(e).orElse(null);
    String kept =
        store.files().isEmpty()
            ? "no checkpoint was written yet"
            : "the last good checkpoint "
                + store.files().get(0)
                + " is intact; fix or swap the plugin and run again with --resume";
    if (culprit == null) {
      return new W2vException("training failed: " + e + "; " + kept, e);
    }
    return new W2vException(culprit + " failed during training: " + e + "; " + kept, e);
  }

  private static void deleteAll(List<Path> files, Path keep) {
    for (Path file : files) {
      if (file.equals(keep)) {
        continue;
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new W2vException("cannot remove old checkpoint " + file + ": " + e.getMessage());
      }
    }
  }
}
