package dev.w2v.spark;

import dev.w2v.api.Loss;
import dev.w2v.api.ParameterBlock;
import dev.w2v.api.Sampler;
import dev.w2v.api.SamplerProvider;
import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.Checkpoint;
import dev.w2v.core.checkpoint.Fingerprint;
import dev.w2v.core.corpus.SubSampling;
import dev.w2v.core.corpus.Vocabulary;
import dev.w2v.core.plugin.ConfiguredLoss;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.train.Matrices;
import dev.w2v.core.train.Metric;
import dev.w2v.core.train.Progress;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.train.Trainer;
import dev.w2v.core.train.TrainingPlan;
import dev.w2v.core.train.TrainingRun;
import dev.w2v.core.train.fast.StepKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * word2vec on Apache Spark, through any loss and sampler plugin.
 *
 * <p>The corpus is read, counted and encoded by the executors ({@link DistributedCorpus}) and kept
 * there as {@code partitions} shares. Each epoch runs in {@code rounds} synchronisation rounds: the
 * driver broadcasts the current model, every task trains its share's slice of the round from its
 * own copy with Hogwild threads ({@link RoundTask}), and the driver adds the tasks' changes (not
 * their weights) to its model, in share order so that the sum is the same whichever task finished
 * first. One learning-rate schedule runs over the global word count, as one machine's would. After
 * each round the model is checkpointed through the run's checkpoint store; {@code --resume}
 * continues at the next round and ends with the vectors an uninterrupted run gives.
 *
 * <p>What MLlib's {@code Word2Vec} does differently, and why this is faster and better: it trains
 * one thread per partition with hierarchical softmax only, no sub-sampling and one model average
 * per epoch (so more partitions learn less); here every loss plugin, sub-sampling, several rounds
 * per epoch and summed changes, so a partition's updates count in full.
 */
public final class SparkTrainer implements Trainer {

  /** Shares merged per task at each level of the merge tree; beyond, a level is added. */
  static final int FAN_IN = 8;

  private final SparkConfig config;
  private final Duration reportInterval;

  /** A trainer that reports progress four times per second. */
  public SparkTrainer(SparkConfig config) {
    this(config, Duration.ofMillis(250));
  }

  /** A trainer that reports progress every {@code reportInterval}. */
  public SparkTrainer(SparkConfig config, Duration reportInterval) {
    this.config = config;
    this.reportInterval = reportInterval;
  }

  /** The configuration. */
  public SparkConfig config() {
    return config;
  }

  @Override
  public TrainedModel train(TrainingRun run) {
    if (!(run.losses() instanceof ConfiguredLoss configured)) {
      throw new W2vException(
          "the spark trainer rebuilds the loss on the executors by name, so it needs a loss"
              + " configured by name (ConfiguredLoss)");
    }
    try (SparkRuntime spark = SparkRuntime.start(config, run.listener()::warning)) {
      spark.ship(this, configured.lossProvider());
      configured.samplerProvider().ifPresent(spark::ship);
      int threads = config.threads() > 0 ? config.threads() : spark.taskCpus();
      int partitions =
          config.partitions() > 0
              ? config.partitions()
              : Math.max(1, spark.defaultParallelism() / threads);
      DistributedCorpus.Prepared corpus =
          DistributedCorpus.prepare(
              spark.session(),
              run.corpus(),
              config.minCount(),
              config.maxVocab(),
              partitions,
              config.rounds());
      try {
        run.listener().corpusPrepared(corpus.vocabulary(), corpus.statistics());
        return new Rounds(run, configured, spark, corpus, partitions, threads).run();
      } finally {
        corpus.shares().unpersist(false);
      }
    }
  }

  /** The rounds of one run, coordinated by the driver. */
  private final class Rounds {
    private final TrainingRun run;
    private final SparkRuntime spark;
    private final JavaSparkContext sc;
    private final DistributedCorpus.Prepared corpus;
    private final Vocabulary vocabulary;
    private final int partitions;
    private final int threads;
    private final RunContext context;
    private final Fingerprint fingerprint;
    private final float[] input;
    private final float[] output;

    /** The loss's own parameters (Loss.extraParameters), merged as the matrices are. */
    private final float[][] extras;

    private final List<ParameterBlock> blocks;
    private final int totalRounds;
    private final long startNanos = System.nanoTime();
    private int roundsDone;
    private long pairsTotal;
    private double lossTotal;
    private double recentLoss = Double.NaN;
    private long startWords;
    private int savedAt = -1;

    Rounds(
        TrainingRun run,
        ConfiguredLoss configured,
        SparkRuntime spark,
        DistributedCorpus.Prepared corpus,
        int partitions,
        int threads) {
      this.run = run;
      this.spark = spark;
      this.sc = spark.context();
      this.corpus = corpus;
      this.vocabulary = corpus.vocabulary();
      this.partitions = partitions;
      this.threads = threads;
      int d = config.dimension();
      WordCounts counts = vocabulary.wordCounts();
      Loss loss = run.losses().create(counts, d);
      if (loss.dimension() != d) {
        throw new W2vException(
            "loss '"
                + run.losses().lossName()
                + "' was created for dimension "
                + loss.dimension()
                + " but dim is "
                + d);
      }
      long[] roundWords = new long[config.rounds()];
      for (long[] share : corpus.sliceWords()) {
        for (int r = 0; r < roundWords.length; r++) {
          roundWords[r] += share[r];
        }
      }
      this.context =
          new RunContext(
              vocabulary.counts(),
              SubSampling.word2vec(counts, config.sample()),
              aliasSampler(configured, counts),
              configured.recipe(),
              config,
              threads,
              config.step().resolve(config.model(), loss, run.losses().lossName()),
              roundWords);
      this.totalRounds = config.epochs() * config.rounds();
      long modelFloats = (long) vocabulary.size() * d + (long) loss.outputRows() * d;
      float[][] matrices =
          Matrices.allocate(vocabulary.size(), loss.outputRows(), d, 4 * modelFloats);
      this.input = matrices[0];
      this.output = matrices[1];
      this.blocks = loss.extraParameters();
      this.extras = Matrices.allocateExtras(blocks);
      Matrices.initialiseInput(input, d, new Xoshiro256PlusPlus(config.seed()));
      this.fingerprint = fingerprint(run, partitions, threads);
    }

    /** The configured sampler as an alias table, or null for a loss that draws nothing. */
    private AliasSampler aliasSampler(ConfiguredLoss configured, WordCounts counts) {
      if (configured.samplerProvider().isEmpty()) {
        return null;
      }
      SamplerProvider provider = configured.samplerProvider().get();
      Sampler sampler;
      try {
        sampler = provider.create(counts, configured.samplerParameters().orElseThrow());
        return AliasSampler.of(sampler);
      } catch (RuntimeException e) {
        throw new W2vException(
            "sampler '" + provider.name() + "' could not be created: " + e.getMessage(), e);
      }
    }

    private Fingerprint fingerprint(TrainingRun run, int partitions, int threads) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("trainer", "spark");
      f.put("model", config.model().key());
      f.put("dim", config.dimension());
      f.put("window", config.window());
      f.put("min-count", config.minCount());
      f.put("max-vocab", config.maxVocab());
      f.put("sample", config.sample());
      f.put("lr", config.learningRate());
      f.put("epochs", config.epochs());
      f.put("rounds", config.rounds());
      f.put("partitions", partitions);
      f.put("threads", threads);
      f.put("merge", config.merge().key());
      if (context.step() != StepKind.PAIRS) {
        // Absent for pairs, so that a checkpoint of a run from before batched steps still fits.
        f.put("step", context.step().key());
      }
      f.put("seed", config.seed());
      f.put("vocabulary", vocabulary.size() + " words " + vocabulary.fingerprint());
      f.put("corpus-words", context.epochWords());
      f.put("loss", run.losses().description());
      return Fingerprint.of(f);
    }

    TrainedModel run() {
      Optional<Checkpoint> checkpoint = run.resumeFrom(fingerprint);
      checkpoint.ifPresent(this::restore);
      startWords = context.wordsBefore(roundsDone);
      long total = context.totalWords();
      run.listener()
          .started(
              new TrainingPlan(
                  startWords,
                  total,
                  "words",
                  "words",
                  "loss",
                  "epoch",
                  Math.max(1, context.epochWords())));
      Broadcast<RunContext> shared = sc.broadcast(context);
      LongAccumulator words = sc.sc().longAccumulator("w2v words trained");
      try {
        while (roundsDone < totalRounds) {
          if (run.cancellation().requested()) {
            throw cancelled();
          }
          round(shared, words);
          if (roundsDone % config.checkpointRounds() == 0 || roundsDone == totalRounds) {
            save();
          }
        }
      } finally {
        shared.destroy(false);
      }
      Progress last = progress(total, true);
      run.listener().finished(last);
      if (!Matrices.allFinite(input, output) || !Matrices.allFinite(extras)) {
        throw run.diverged("a parameter is no longer finite after training", lowerLr());
      }
      String summary =
          String.format(
              Locale.ROOT,
              "trained %s on %d words, dim %d, %d epochs of %d rounds, %d tasks x %d %s on %s"
                  + " (%s loss)",
              config.model().key(),
              vocabulary.size(),
              config.dimension(),
              config.epochs(),
              config.rounds(),
              partitions,
              threads,
              threads == 1 ? "thread" : "threads",
              spark.master(),
              run.losses().lossName());
      return new TrainedModel(
              vocabulary,
              config.dimension(),
              input,
              output,
              summary,
              last.elapsed(),
              last.wordsPerSecond())
          .withExtras(blocks, extras);
    }

    /** The model a round starts from: both matrices, then each block of the loss's own. */
    private float[][] parameters() {
      float[][] all = new float[2 + extras.length][];
      all[0] = input;
      all[1] = output;
      System.arraycopy(extras, 0, all, 2, extras.length);
      return all;
    }

    /** One round: broadcast, train every share's slice, merge the changes in share order. */
    private void round(Broadcast<RunContext> shared, LongAccumulator words) {
      int k = roundsDone;
      ModelBytes bytes = ModelBytes.of(parameters());
      long checksum = spark.local() ? bytes.checksum() : 0;
      Broadcast<ModelBytes> model = sc.broadcast(bytes);
      words.reset();
      try {
        JavaRDD<RoundTask.Result> results =
            corpus.shares().mapPartitionsWithIndex(new RoundTask(shared, model, k, words), false);
        JavaFutureAction<List<RoundTask.Result>> job = merged(results).collectAsync();
        List<RoundTask.Result> parts = await(job, k, words);
        RoundTask.Result sum =
            parts.stream()
                .sorted(Comparator.comparingInt(RoundTask.Result::share))
                .reduce(Rounds::plus)
                .orElseThrow();
        if (spark.local() && bytes.checksum() != checksum) {
          throw new IllegalStateException(
              "a task wrote to the broadcast model of round " + (k + 1) + "; tasks must copy it");
        }
        if (!sum.finite()) {
          throw run.diverged(
              String.format(
                  Locale.ROOT,
                  "the loss or a change became %s in round %d of %d",
                  Double.isNaN(sum.loss()) ? "NaN" : "infinite",
                  k + 1,
                  totalRounds),
              lowerLr());
        }
        sum.input().applyTo(input, config.merge());
        sum.output().applyTo(output, config.merge());
        for (int b = 0; b < extras.length; b++) {
          sum.extras()[b].applyTo(extras[b], config.merge());
        }
        roundsDone = k + 1;
        pairsTotal += sum.pairs();
        lossTotal += sum.loss();
        recentLoss = sum.pairs() == 0 ? Double.NaN : sum.loss() / sum.pairs();
        long position = context.wordsBefore(roundsDone);
        run.listener().metric(new Metric(position, recentLoss, context.learningRate(position)));
        run.listener().progress(progress(position, false));
      } finally {
        model.destroy(false);
      }
    }

    /**
     * The tasks' results, merged on the executors in a tree of {@link #FAN_IN} when there are many
     * shares, so that the driver receives at most {@code FAN_IN} changes; each merge folds its
     * inputs in share order.
     */
    private JavaRDD<RoundTask.Result> merged(JavaRDD<RoundTask.Result> results) {
      JavaRDD<RoundTask.Result> level = results;
      int n = partitions;
      while (n > FAN_IN) {
        int groups = (n + FAN_IN - 1) / FAN_IN;
        level =
            level
                .mapToPair(r -> new Tuple2<>(r.share() / FAN_IN, r))
                .groupByKey(groups)
                .map(
                    group -> {
                      List<RoundTask.Result> members = new ArrayList<>();
                      group._2().forEach(members::add);
                      members.sort(Comparator.comparingInt(RoundTask.Result::share));
                      RoundTask.Result sum = members.stream().reduce(Rounds::plus).orElseThrow();
                      return sum.withShare(group._1());
                    });
        n = groups;
      }
      return level;
    }

    private static RoundTask.Result plus(RoundTask.Result a, RoundTask.Result b) {
      return new RoundTask.Result(
          a.share(),
          a.words() + b.words(),
          a.pairs() + b.pairs(),
          a.loss() + b.loss(),
          a.input().plus(b.input()),
          a.output().plus(b.output()),
          RoundTask.plus(a.extras(), b.extras()));
    }

    /** Waits for a round's job, reporting progress and honouring cancellation meanwhile. */
    private List<RoundTask.Result> await(
        JavaFutureAction<List<RoundTask.Result>> job, int k, LongAccumulator words) {
      long before = context.wordsBefore(k);
      while (true) {
        try {
          return job.get(reportInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (run.cancellation().requested()) {
            job.cancel(true);
            throw cancelled();
          }
          run.listener().progress(progress(before + words.value(), false));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          job.cancel(true);
          throw cancelled();
        } catch (CancellationException e) {
          throw cancelled();
        } catch (ExecutionException e) {
          if (run.cancellation().requested()) {
            throw cancelled();
          }
          throw failed(e.getCause() == null ? e : e.getCause(), k);
        }
      }
    }

    /** A task's failure in the user's terms where it is theirs; otherwise as it is. */
    private RuntimeException failed(Throwable failure, int k) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof W2vException w) {
          return w;
        }
        if (t instanceof OutOfMemoryError
            || String.valueOf(t.getMessage()).contains("OutOfMemoryError")) {
          return new W2vException(
              "an executor ran out of memory in round "
                  + (k + 1)
                  + ": each task holds a copy of the model ("
                  + (8L * (input.length + output.length) >> 20)
                  + " MB with its changes); raise spark.executor.memory, set threads (one copy"
                  + " per task) or lower dim or the vocabulary",
              failure);
        }
      }
      return failure instanceof RuntimeException r
          ? r
          : new IllegalStateException("round " + (k + 1) + " failed: " + failure, failure);
    }

    /** Stops after the last completed round, checkpointed. */
    private RuntimeException cancelled() {
      long position = context.wordsBefore(roundsDone);
      Path file = null;
      if (run.checkpointing()) {
        file = savedAt == roundsDone ? run.lastGoodCheckpoint().orElse(null) : save();
      }
      return run.cancelled(position, file);
    }

    private Path save() {
      if (!run.checkpointing()) {
        return null;
      }
      long position = context.wordsBefore(roundsDone);
      Path file =
          run.saveCheckpoint(
              new Checkpoint(
                  fingerprint.text(),
                  position,
                  context.learningRate(position),
                  recentLoss,
                  List.of(),
                  List.of(parameters()),
                  List.of(
                      new long[] {roundsDone, pairsTotal, Double.doubleToRawLongBits(lossTotal)})));
      savedAt = roundsDone;
      return file;
    }

    private void restore(Checkpoint c) {
      List<float[]> m = c.matrices();
      boolean fits = m.size() == 2 + extras.length;
      for (int b = 0; fits && b < extras.length; b++) {
        fits = m.get(2 + b).length == extras[b].length;
      }
      if (!fits
          || m.get(0).length != input.length
          || m.get(1).length != output.length
          || c.state().size() != 1
          || c.state().get(0).length != 3
          || c.state().get(0)[0] < 0
          || c.state().get(0)[0] > totalRounds) {
        throw new W2vException(
            "the checkpoint does not fit this corpus, loss and layout; resume with the same"
                + " settings");
      }
      System.arraycopy(m.get(0), 0, input, 0, input.length);
      System.arraycopy(m.get(1), 0, output, 0, output.length);
      for (int b = 0; b < extras.length; b++) {
        System.arraycopy(m.get(2 + b), 0, extras[b], 0, extras[b].length);
      }
      long[] s = c.state().get(0);
      roundsDone = (int) s[0];
      pairsTotal = s[1];
      lossTotal = Double.longBitsToDouble(s[2]);
      recentLoss = c.loss();
      savedAt = roundsDone;
    }

    private Progress progress(long done, boolean last) {
      long now = System.nanoTime();
      double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
      long total = context.totalWords();
      double rate = (done - startWords) / seconds;
      Duration remaining =
          last
              ? Duration.ZERO
              : rate > 0 ? Duration.ofMillis((long) (1000 * (total - done) / rate)) : null;
      int epoch = (int) Math.min(config.epochs(), 1 + done / Math.max(1, context.epochWords()));
      return new Progress(
          last ? total : done,
          total,
          epoch,
          recentLoss,
          context.learningRate(done),
          rate,
          List.of(),
          Duration.ofNanos(now - startNanos),
          remaining);
    }

    private String lowerLr() {
      return "lower --lr (it is "
          + config.learningRate()
          + "; word2vec C uses 0.025 for skip-gram, 0.05 for CBOW), or use more rounds";
    }
  }
}
