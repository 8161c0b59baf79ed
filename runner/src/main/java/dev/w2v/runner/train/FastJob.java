package dev.w2v.runner.train;

import dev.w2v.core.W2vException;
import dev.w2v.core.fast.EncodedCorpus;
import dev.w2v.core.fast.FastConfig;
import dev.w2v.core.fast.FastListener;
import dev.w2v.core.fast.FastProgress;
import dev.w2v.core.fast.FastTrainer;
import dev.w2v.core.fast.Model;
import dev.w2v.core.fast.TrainedVectors;
import dev.w2v.core.fast.Vocabulary;
import dev.w2v.runner.config.Configuration;
import dev.w2v.runner.plugins.ConfiguredLoss;
import dev.w2v.runner.plugins.Plugins;
import dev.w2v.runner.render.ProgressDisplay;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fast trainer's run: plain-text files or folders in, vectors and plots out. */
public final class FastJob implements TrainingJob {

  private final Configuration configuration;
  private final ConfiguredLoss configuredLoss;
  private final Plugins plugins;
  private final PrintWriter out;
  private final PrintWriter err;
  private final TrainingOutputs outputs;

  @Inject
  FastJob(
      Configuration configuration,
      ConfiguredLoss configuredLoss,
      Plugins plugins,
      @Named("out") PrintWriter out,
      @Named("err") PrintWriter err,
      TrainingOutputs outputs) {
    this.configuration = configuration;
    this.configuredLoss = configuredLoss;
    this.plugins = plugins;
    this.out = out;
    this.err = err;
    this.outputs = outputs;
  }

  static FastConfig config(Configuration c) {
    Model model;
    try {
      model = Model.of(c.getString("model"));
    } catch (IllegalArgumentException e) {
      throw new W2vException(
          "configuration key 'model' must be skipgram or cbow, not '" + c.getString("model") + "'");
    }
    double lr = c.getDouble("lr");
    int threads = c.getInt("threads");
    return FastConfig.defaults().toBuilder()
        .model(model)
        .dimension(c.getPositiveInt("dim"))
        .window(c.getPositiveInt("window"))
        .minCount(c.getPositiveInt("min-count"))
        .sample(c.getDouble("sample"))
        .learningRate(lr == 0 ? null : lr)
        .epochs(c.getPositiveInt("epochs"))
        .threads(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads)
        .seed(c.getLong("seed"))
        .lowercase(c.getBoolean("lowercase"))
        .maxVocab(c.getPositiveInt("max-vocab"))
        .build();
  }

  @Override
  public void run(boolean resume) {
    if (resume) {
      throw new W2vException(
          "--resume is supported by the cs224n trainer; the fast trainer restarts from scratch");
    }
    long started = System.nanoTime();
    FastConfig config = config(configuration);
    List<String> corpus = configuration.getStringList("corpus");
    if (corpus.isEmpty()) {
      throw new W2vException(
          "the fast trainer needs a corpus: --corpus FILE_OR_FOLDER (plain text, one sentence per line; several separated by commas)");
    }
    List<Path> sources = corpus.stream().map(Path::of).toList();
    OutputFolder folder = OutputFolder.prepare(configuration.getPath("out"));
    List<double[]> losses = new ArrayList<>();
    TrainedVectors vectors;
    // The display knows its total only once the corpus is encoded: epochs x training words.
    ProgressDisplay[] display = new ProgressDisplay[1];
    FastProgress[] last = new FastProgress[1];
    FastListener listener =
        new FastListener() {
          @Override
          public void vocabularyCounted(Vocabulary vocabulary) {
            err.printf(
                Locale.ROOT,
                "w2v: %d words in the vocabulary (min-count %d)%n",
                vocabulary.size(),
                config.minCount());
            err.flush();
          }

          @Override
          public void corpusEncoded(EncodedCorpus corpus) {
            err.printf(
                Locale.ROOT,
                "w2v: %d training words%s%n",
                corpus.words(),
                corpus.mapped() ? " (memory-mapped)" : "");
            err.flush();
            display[0] =
                new ProgressDisplay(
                    "training", "words", corpus.words() * config.epochs(), System.err);
          }

          @Override
          public void finished(FastProgress p) {
            last[0] = p;
          }

          @Override
          public void progress(FastProgress p) {
            if (!Double.isNaN(p.recentLoss())) {
              losses.add(new double[] {p.fractionDone() * config.epochs(), p.recentLoss()});
            }
            if (display[0] == null) {
              return;
            }
            display[0].update(
                Math.round(p.fractionDone() * display[0].total()),
                () -> {
                  StringBuilder perThread = new StringBuilder();
                  for (double w : p.wordsPerSecondPerThread()) {
                    perThread
                        .append(perThread.length() == 0 ? "" : "/")
                        .append(Math.round(w / 1000))
                        .append('k');
                  }
                  return String.format(
                      Locale.ROOT,
                      "epoch %d  per thread %s words/s  lr %.5f  loss %.3f",
                      p.epoch(),
                      perThread,
                      p.learningRate(),
                      p.recentLoss());
                });
          }
        };
    try {
      vectors =
          new FastTrainer(config)
              .train(
                  sources, counts -> configuredLoss.create(counts, config.dimension()), listener);
    } catch (W2vException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      String culprit =
          plugins.blame(e).map(c -> c + " failed during training: ").orElse("training failed: ");
      throw new W2vException(culprit + e, e);
    } finally {
      if (display[0] != null) {
        display[0].close();
      }
    }
    double[][] series = new double[2][losses.size()];
    for (int i = 0; i < losses.size(); i++) {
      series[0][i] = losses.get(i)[0];
      series[1][i] = losses.get(i)[1];
    }
    outputs.write(
        folder, vectors.words(), vectors.vectors(), null, config.dimension(), series, "epoch");
    double seconds = (System.nanoTime() - started) / 1e9;
    // The training phase's own figures, apart from reading the corpus and writing the outputs:
    // what bench/peers.sh compares with the training speed the other tools report.
    String training =
        last[0] == null
            ? ""
            : String.format(
                Locale.ROOT,
                " (training %.2f s, %.0f words/s)",
                last[0].elapsed().toNanos() / 1e9,
                last[0].wordsPerSecond());
    out.printf(
        Locale.ROOT,
        "trained %s on %d words, dim %d, %d epochs, %d %s (%s loss) in %.1f s%s; outputs in %s%n",
        config.model().name().toLowerCase(Locale.ROOT),
        vectors.words().size(),
        config.dimension(),
        config.epochs(),
        config.threads(),
        config.threads() == 1 ? "thread" : "threads",
        configuredLoss.lossProvider().name(),
        seconds,
        training,
        folder.path());
    out.flush();
  }
}
