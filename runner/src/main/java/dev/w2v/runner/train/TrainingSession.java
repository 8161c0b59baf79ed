package dev.w2v.runner.train;

import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.checkpoint.FolderLock;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.corpus.PreparedCorpus;
import dev.w2v.core.corpus.Vocabulary;
import dev.w2v.core.model.SavedModel;
import dev.w2v.core.plugin.ConfiguredLoss;
import dev.w2v.core.train.Cancellation;
import dev.w2v.core.train.Metric;
import dev.w2v.core.train.PipelineSettings;
import dev.w2v.core.train.Progress;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.train.Trainer;
import dev.w2v.core.train.TrainerProvider;
import dev.w2v.core.train.TrainingCancelledException;
import dev.w2v.core.train.TrainingListener;
import dev.w2v.core.train.TrainingPlan;
import dev.w2v.core.train.TrainingRun;
import dev.w2v.runner.config.Configuration;
import dev.w2v.runner.config.RunnerSettings;
import dev.w2v.runner.plugins.Plugins;
import dev.w2v.runner.render.Charts;
import dev.w2v.runner.render.ProgressDisplay;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code w2v train}, the same whichever trainer runs: the output folder locked, the corpus
 * named, progress shown, metrics recorded, checkpoints written and resumed, a signal turned into a
 * last checkpoint, a crash inside a plugin blamed on it, the outputs written and one summary line
 * printed.
 */
public final class TrainingSession {

  /** The exit status of a run stopped by SIGINT, as a shell reports it. */
  public static final int INTERRUPTED = 130;

  private final Configuration configuration;
  private final TrainerProvider provider;
  private final ConfiguredLoss loss;
  private final Plugins plugins;
  private final TrainingOutputs outputs;
  private final PrintWriter out;
  private final PrintWriter err;

  @Inject
  TrainingSession(
      Configuration configuration,
      TrainerProvider provider,
      ConfiguredLoss loss,
      Plugins plugins,
      TrainingOutputs outputs,
      @Named("out") PrintWriter out,
      @Named("err") PrintWriter err) {
    this.configuration = configuration;
    this.provider = provider;
    this.loss = loss;
    this.plugins = plugins;
    this.outputs = outputs;
    this.out = out;
    this.err = err;
  }

  /**
   * Trains and writes every output.
   *
   * @param resume continue from the newest intact checkpoint in the output folder
   * @return 0, or {@link #INTERRUPTED} when a signal stopped the run after a checkpoint
   */
  public int run(boolean resume) {
    long started = System.nanoTime();
    Trainer trainer = provider.create(configuration);
    CorpusSource corpus = PipelineSettings.corpus(configuration, TrainingOutputs.bundledCorpus());
    boolean bundled = PipelineSettings.CORPUS.listValue(configuration).isEmpty();
    Optional<SavedModel> start = PipelineSettings.startingModel(configuration, provider);
    start.ifPresent(
        m ->
            info(
                String.format(
                    Locale.ROOT,
                    "continuing from %s: %d words, dim %d, %s",
                    m.source(),
                    m.vocabulary().size(),
                    m.dimension(),
                    m.outputRows() > 0
                        ? "with output weights and counts"
                        : "vectors only (no output weights or counts)")));
    Path path = Path.of(RunnerSettings.OUT.stringValue(configuration));
    Cancellation cancellation = new Cancellation();
    TrainedModel model;
    OutputFolder folder = OutputFolder.prepare(path);
    // The guard encloses the lock, so that a run stopped by a signal releases its folder before
    // the JVM is let go.
    try (SignalGuard guard = SignalGuard.install(cancellation);
        FolderLock lock =
            FolderLock.acquire(path, "w2v train --trainer " + provider.name(), this::warn)) {
      for (Path stale : folder.removeStaleTemporaries()) {
        warn("removed " + stale + ", left by an interrupted run");
      }
      Listener listener = new Listener(folder, start.map(m -> m.vocabulary().size()).orElse(0));
      TrainingRun run =
          TrainingRun.builder(corpus, loss)
              .listener(listener)
              .checkpoints(new CheckpointStore(folder.resolve("checkpoints"), 3))
              .resume(resume)
              .cancellation(cancellation)
              .startFrom(start.orElse(null))
              .build();
      // Reading a large corpus takes a while before the first progress report.
      info(
          bundled
              ? "reading the bundled SST sentences (--corpus FILE trains on your own text)"
              : "reading " + corpus);
      Charts.warmUpInBackground();
      try {
        model = trainer.train(run);
      } catch (TrainingCancelledException e) {
        listener.close();
        err.println("w2v: " + e.getMessage());
        err.flush();
        return INTERRUPTED;
      } catch (W2vException e) {
        throw e;
      } catch (RuntimeException | LinkageError e) {
        throw blame(e, run);
      } finally {
        listener.close();
      }
      outputs.write(folder, model, loss.lossName(), listener.lossSeries(), listener.plotAxis());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String speed =
        Double.isNaN(model.wordsPerSecond())
            ? ""
            : String.format(Locale.ROOT, ", %.0f words/s", model.wordsPerSecond());
    out.printf(
        Locale.ROOT,
        "%s in %.1f s (training %.2f s%s); outputs in %s%n",
        model.summary(),
        seconds,
        model.trainingTime().toNanos() / 1e9,
        speed,
        folder.path());
    out.flush();
    return 0;
  }

  /** A line about the run for the person watching; errors and warnings start with "w2v:". */
  private void info(String message) {
    err.println(message);
    err.flush();
  }

  private void warn(String message) {
    err.println("w2v: warning: " + message);
    err.flush();
  }

  private W2vException blame(Throwable e, TrainingRun run) {
    String culprit = plugins.blame(e).orElse(null);
    String kept =
        run.lastGoodCheckpoint()
            .map(
                p ->
                    "the last good checkpoint "
                        + p
                        + " is intact; fix or swap the plugin and run again with --resume")
            .orElse("no checkpoint was written yet");
    if (culprit == null) {
      return new W2vException("training failed: " + e + "; " + kept, e);
    }
    return new W2vException(culprit + " failed during training: " + e + "; " + kept, e);
  }

  /** Turns the trainer's reports into the progress display, log lines and metrics.csv. */
  private final class Listener implements TrainingListener {
    private final OutputFolder folder;
    private final int startingWords;
    private ProgressDisplay display;
    private MetricsLog metrics;
    private TrainingPlan plan;
    private boolean closed;

    /**
     * @param startingWords the words of the model the run continues, 0 for a fresh run
     */
    Listener(OutputFolder folder, int startingWords) {
      this.folder = folder;
      this.startingWords = startingWords;
    }

    @Override
    public void corpusPrepared(Vocabulary vocabulary, PreparedCorpus.CorpusStatistics s) {
      info(
          String.format(
              Locale.ROOT,
              "%d words in the vocabulary (%s), %d training words%s",
              vocabulary.size(),
              startingWords > 0
                  ? (vocabulary.size() - startingWords) + " new"
                  : "of " + s.distinctWords() + " distinct",
              s.trainingWords(),
              s.mapped() ? " (memory-mapped)" : ""));
      if (s.prunings() > 0) {
        warn(
            "the counting pass pruned rare words "
                + s.prunings()
                + " times to bound its memory (raise max-vocab to avoid it)");
      }
      err.flush();
    }

    @Override
    public void started(TrainingPlan plan) {
      this.plan = plan;
      if (plan.start() > 0) {
        info(
            "resuming from "
                + (plan.unit().equals("it") ? "iteration " : "word ")
                + plan.start()
                + " of "
                + plan.total());
      }
      this.metrics = new MetricsLog(folder.resolve("metrics.csv"), plan);
      this.display = new ProgressDisplay("training", plan.unit(), plan.total(), System.err);
    }

    @Override
    public void progress(Progress p) {
      if (display != null) {
        display.update(p.done(), () -> status(p));
      }
    }

    private String status(Progress p) {
      if (p.perThread().isEmpty()) {
        return String.format(Locale.ROOT, "loss %.3f  lr %.3g", p.loss(), p.learningRate());
      }
      StringBuilder perThread = new StringBuilder();
      for (double w : p.perThread()) {
        perThread
            .append(perThread.length() == 0 ? "" : "/")
            .append(Math.round(w / 1000))
            .append('k');
      }
      // Most telling first: a narrow terminal drops items from the end.
      return String.format(
          Locale.ROOT,
          "loss %.3f  lr %.5f  epoch %d  per thread %s words/s",
          p.loss(),
          p.learningRate(),
          p.epoch(),
          perThread);
    }

    @Override
    public void metric(Metric m) {
      metrics.add(m);
    }

    @Override
    public void beforeCheckpoint(long position) {
      if (metrics != null) {
        metrics.sync();
      }
    }

    @Override
    public void warning(String message) {
      warn(message);
    }

    @Override
    public void finished(Progress last) {
      progress(last);
    }

    /** Ends the display and the metrics file; closing again does nothing. */
    void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (display != null) {
        display.close();
      }
      if (metrics != null) {
        metrics.close();
      }
    }

    /** {x[], loss[]} of every metrics row, x in units of {@link #plotAxis()}. */
    double[][] lossSeries() {
      if (metrics == null) {
        return new double[2][0];
      }
      double[][] series = metrics.series();
      for (int i = 0; i < series[0].length; i++) {
        series[0][i] /= plan.positionsPerPlotUnit();
      }
      return series;
    }

    String plotAxis() {
      return plan == null ? "" : plan.plotAxis();
    }
  }
}
