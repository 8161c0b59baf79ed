package dev.w2v.core.train.fast;

import dev.w2v.api.Loss;
import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.Checkpoint;
import dev.w2v.core.checkpoint.Fingerprint;
import dev.w2v.core.corpus.EncodedCorpus;
import dev.w2v.core.corpus.PreparedCorpus;
import dev.w2v.core.corpus.SubSampling;
import dev.w2v.core.corpus.Vocabulary;
import dev.w2v.core.corpus.VocabularyPolicy;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.train.Matrices;
import dev.w2v.core.train.Metric;
import dev.w2v.core.train.Progress;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.train.Trainer;
import dev.w2v.core.train.TrainingPlan;
import dev.w2v.core.train.TrainingRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;

/**
 * word2vec C's algorithm on corpora of any size, through any {@link Loss}: {@code threads} threads
 * train Hogwild-style on the shared flat matrices, taking sentence-aligned chunks of the encoded
 * corpus from a shared counter, with word2vec C's sub-sampling, shrunk window and linear
 * learning-rate decay (from {@code lr} to {@code lr * 1e-4} by words processed over all epochs).
 *
 * <p>The calling thread coordinates: it reports progress a few times per second, and writes a
 * checkpoint every {@code checkpoint-seconds}, at the end of each epoch, and when the run is
 * cancelled. For a checkpoint the training threads pause at their next sentence boundary, so the
 * checkpoint holds the live matrices (no copy), each thread's generator, chunk and counters, and
 * the shared schedule: with one thread a resumed run ends with exactly the vectors of an
 * uninterrupted one, and with more it continues at the same positions and learning rate.
 */
public final class FastTrainer implements Trainer {

  /** How often the training threads publish their counters and update the learning rate. */
  static final int PUBLISH_EVERY_WORDS = 10_000;

  /** About this many corpus positions per chunk (a few tenths of a second of training). */
  static final long CHUNK_POSITIONS = 100_000;

  /** At most this many chunks per epoch, so that huge corpora keep a small bounds array. */
  static final long CHUNKS_MAX = 1 << 16;

  /** About this many metrics rows per run, whatever its length. */
  static final long METRIC_ROWS = 1000;

  private final FastConfig config;
  private final Duration reportInterval;
  private final StepKind stepKind;

  /** A trainer that reports progress four times per second. */
  public FastTrainer(FastConfig config) {
    this(config, Duration.ofMillis(250));
  }

  /** A trainer that reports progress every {@code reportInterval}. */
  public FastTrainer(FastConfig config, Duration reportInterval) {
    this(config, reportInterval, StepKind.AUTO);
  }

  /** A trainer that hands pairs to the loss as {@code stepKind} says. */
  public FastTrainer(FastConfig config, Duration reportInterval, StepKind stepKind) {
    this.config = config;
    this.reportInterval = reportInterval;
    this.stepKind = stepKind;
  }

  /** The configuration. */
  public FastConfig config() {
    return config;
  }

  @Override
  public TrainedModel train(TrainingRun run) {
    PreparedCorpus prepared =
        run.prepare(VocabularyPolicy.byFrequency(config.minCount(), config.maxVocab()));
    Vocabulary vocabulary = prepared.vocabulary();
    EncodedCorpus corpus = prepared.corpus();
    int d = config.dimension();
    Loss loss = run.losses().create(vocabulary.wordCounts(), d);
    if (loss.dimension() != d) {
      throw new W2vException(
          "loss '"
              + run.losses().lossName()
              + "' was created for dimension "
              + loss.dimension()
              + " but dim is "
              + d);
    }
    Map<String, Object> settings = new LinkedHashMap<>(config.fingerprint());
    settings.put("vocabulary", vocabulary.size() + " words " + vocabulary.fingerprint());
    settings.put("corpus-positions", corpus.size());
    settings.put("loss", run.losses().description());
    StepKind step = stepKind.resolve(config.model(), loss, run.losses().lossName());
    if (step != StepKind.PAIRS) {
      // Only when batched, so that a per-pair run's checkpoints stay those of earlier versions.
      settings.put("step", step.key());
    }
    run.startingModel().ifPresent(start -> settings.put("continue", start.fingerprint()));
    Fingerprint fingerprint = Fingerprint.of(settings);

    float[][] matrices = Matrices.allocate(vocabulary.size(), loss.outputRows(), d, 0);
    float[][] extras = Matrices.allocateExtras(loss.extraParameters());
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(config.seed());
    Matrices.initialiseInput(matrices[0], d, (float) config.initScale(), random);
    run.initialiseFromStartingModel(vocabulary, d, matrices[0], matrices[1]);
    long[] seeds = new long[config.threads()];
    for (int t = 0; t < seeds.length; t++) {
      seeds[t] = random.nextLong();
    }
    long[] bounds = chunkBounds(corpus, config.threads());
    long totalWords = config.epochs() * corpus.words();
    Shared shared =
        new Shared(
            corpus,
            SubSampling.word2vec(vocabulary.wordCounts(), config.sample()),
            totalWords,
            config.learningRate(),
            config.window(),
            config.epochs(),
            bounds,
            Math.max(PUBLISH_EVERY_WORDS, totalWords / METRIC_ROWS),
            config.threads(),
            run.checkpointing());
    Worker[] workers = new Worker[config.threads()];
    for (int t = 0; t < workers.length; t++) {
      workers[t] =
          new Worker(
              shared, t, config.model(), step, loss, matrices[0], matrices[1], extras, seeds[t]);
    }
    long start = 0;
    Optional<Checkpoint> checkpoint = run.resumeFrom(fingerprint);
    if (checkpoint.isPresent()) {
      restore(checkpoint.get(), shared, workers, matrices[0], matrices[1], extras);
      start = checkpoint.get().position();
    }
    return new Coordinator(run, shared, workers, fingerprint, matrices, vocabulary, start)
        .run()
        .withExtras(loss.extraParameters(), extras);
  }

  /** Puts a checkpoint's matrices and counters back. */
  private static void restore(
      Checkpoint c,
      Shared shared,
      Worker[] workers,
      float[] input,
      float[] output,
      float[][] extras) {
    List<float[]> m = c.matrices();
    if (m.size() != 2 + extras.length
        || m.get(0).length != input.length
        || m.get(1).length != output.length
        || c.randomStates().size() != workers.length
        || c.state().size() != workers.length + 1) {
      throw new W2vException(
          "the checkpoint does not fit this corpus, loss and thread count; resume with the same"
              + " settings");
    }
    System.arraycopy(m.get(0), 0, input, 0, input.length);
    System.arraycopy(m.get(1), 0, output, 0, output.length);
    for (int b = 0; b < extras.length; b++) {
      if (m.get(2 + b).length != extras[b].length) {
        throw new W2vException("the checkpoint's loss parameters do not fit this loss");
      }
      System.arraycopy(m.get(2 + b), 0, extras[b], 0, extras[b].length);
    }
    shared.restore(c.state().get(0), c.learningRate());
    for (int t = 0; t < workers.length; t++) {
      workers[t].restore(c.randomStates().get(t), c.state().get(t + 1));
    }
    if (workers.length > 1) {
      // Threads publish at their own pace, so what each held unpublished is counted now: the
      // resumed run's metrics then all lie past the checkpoint. One thread publishes exactly
      // where an uninterrupted run would, so its counters stay as they were, bit for bit.
      for (Worker w : workers) {
        w.publishHeld();
      }
    }
  }

  /**
   * Sentence-aligned chunk boundaries: chunk c is [bounds[c], bounds[c + 1]), together they cover
   * the corpus once, and there are at least {@code threads} of them (some may be empty on a tiny
   * corpus).
   */
  static long[] chunkBounds(EncodedCorpus corpus, int threads) {
    int chunks = (int) Math.max(threads, Math.min(CHUNKS_MAX, corpus.size() / CHUNK_POSITIONS));
    long[] bounds = new long[chunks + 1];
    for (int c = 1; c < chunks; c++) {
      long even = corpus.size() * c / chunks;
      bounds[c] = Math.max(bounds[c - 1], corpus.sentenceStartAtOrAfter(even));
    }
    bounds[chunks] = corpus.size();
    return bounds;
  }

  /** The thread that called {@link #train}: starts the workers, reports, checkpoints, stops. */
  private final class Coordinator {
    private final TrainingRun run;
    private final Shared shared;
    private final Worker[] workers;
    private final Fingerprint fingerprint;
    private final float[][] matrices;
    private final Vocabulary vocabulary;
    private final long startNanos = System.nanoTime();
    private final long startWords;
    private long lastCheckpointNanos = startNanos;
    private long reportedPairs;
    private double reportedLoss;
    private double recentLoss = Double.NaN;

    Coordinator(
        TrainingRun run,
        Shared shared,
        Worker[] workers,
        Fingerprint fingerprint,
        float[][] matrices,
        Vocabulary vocabulary,
        long startWords) {
      this.run = run;
      this.shared = shared;
      this.workers = workers;
      this.fingerprint = fingerprint;
      this.matrices = matrices;
      this.vocabulary = vocabulary;
      this.startWords = startWords;
    }

    TrainedModel run() {
      run.listener()
          .started(
              new TrainingPlan(
                  startWords,
                  shared.totalWords,
                  "words",
                  "words",
                  "loss",
                  "epoch",
                  Math.max(1, shared.totalWords / (double) shared.epochs)));
      Thread[] threads = new Thread[workers.length];
      for (int t = 0; t < workers.length; t++) {
        threads[t] = new Thread(workers[t], "w2v-fast-" + t);
        threads[t].setDaemon(true);
      }
      for (Thread thread : threads) {
        thread.start();
      }
      try {
        coordinate();
      } finally {
        shared.stop();
        for (Thread thread : threads) {
          try {
            thread.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      Progress last = progress(true);
      run.listener().finished(last);
      if (!Matrices.allFinite(parameters().toArray(new float[0][]))) {
        throw run.diverged("a parameter is no longer finite after training", lowerLr());
      }
      String summary =
          String.format(
              Locale.ROOT,
              "trained %s on %d words, dim %d, %d epochs, %d %s (%s loss)",
              config.model().key(),
              vocabulary.size(),
              config.dimension(),
              config.epochs(),
              config.threads(),
              config.threads() == 1 ? "thread" : "threads",
              run.losses().lossName());
      return new TrainedModel(
          vocabulary,
          config.dimension(),
          matrices[0],
          matrices[1],
          summary,
          last.elapsed(),
          last.wordsPerSecond());
    }

    private void coordinate() {
      long checkpointNanos =
          config.checkpointSeconds() == 0
              ? Long.MAX_VALUE
              : config.checkpointSeconds() * 1_000_000_000L;
      while (true) {
        boolean allDone = shared.awaitEvent(reportInterval.toNanos());
        drainMetrics();
        Throwable failure = shared.failure();
        if (failure != null) {
          throw failure(failure);
        }
        boolean cancel = run.cancellation().requested();
        boolean byTime = System.nanoTime() - lastCheckpointNanos >= checkpointNanos;
        if (allDone) {
          if (run.checkpointing()) {
            save(); // the end of the last epoch
          }
          return;
        }
        if (cancel || shared.pauseRequested() || (byTime && run.checkpointing())) {
          shared.pauseAll();
          drainMetrics();
          if (shared.failure() != null) {
            throw failure(shared.failure());
          }
          Path saved = run.checkpointing() ? save() : null;
          if (cancel) {
            throw run.cancelled(shared.position(), saved);
          }
          shared.resumeAll();
        }
        run.listener().progress(progress(false));
      }
    }

    private Path save() {
      Path file = run.saveCheckpoint(snapshot());
      lastCheckpointNanos = System.nanoTime();
      return file;
    }

    /** The live state; every worker is paused or done, so nothing moves while it is written. */
    private Checkpoint snapshot() {
      List<long[]> randoms = new ArrayList<>();
      List<long[]> state = new ArrayList<>();
      state.add(shared.state());
      for (Worker w : workers) {
        randoms.add(w.random.state());
        state.add(w.state());
      }
      return new Checkpoint(
          fingerprint.text(),
          shared.position(),
          shared.lr,
          recentLoss,
          randoms,
          parameters(),
          state);
    }

    /** Both matrices and the loss's own parameters, live. */
    private List<float[]> parameters() {
      List<float[]> all = new ArrayList<>(List.of(matrices[0], matrices[1]));
      all.addAll(List.of(workers[0].extras));
      return all;
    }

    private void drainMetrics() {
      for (Metric m = shared.pollMetric(); m != null; m = shared.pollMetric()) {
        run.listener().metric(m);
      }
    }

    private W2vException failure(Throwable failure) {
      if (failure instanceof Diverged diverged) {
        return run.diverged(diverged.getMessage(), lowerLr());
      }
      if (failure instanceof W2vException w) {
        return w;
      }
      if (failure instanceof OutOfMemoryError e) {
        throw e;
      }
      return new W2vException("training failed: " + failure, failure);
    }

    private String lowerLr() {
      return "lower --lr (it is "
          + config.learningRate()
          + "; word2vec C uses 0.025 for skip-gram, 0.05 for CBOW)";
    }

    private Progress progress(boolean last) {
      long now = System.nanoTime();
      double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
      long position = shared.position();
      long pairs = shared.pairsTotal();
      double lossSum = shared.lossTotal();
      if (pairs > reportedPairs) {
        recentLoss = (lossSum - reportedLoss) / (pairs - reportedPairs);
      }
      reportedPairs = pairs;
      reportedLoss = lossSum;
      List<Double> perThread = new ArrayList<>(workers.length);
      int epoch = Integer.MAX_VALUE;
      for (Worker w : workers) {
        perThread.add(w.wordsSinceStart() / seconds);
        epoch = Math.min(epoch, Math.max(1, w.epoch));
      }
      double rate = (position - startWords) / seconds;
      long left = shared.totalWords - position;
      Duration remaining =
          last ? Duration.ZERO : rate > 0 ? Duration.ofMillis((long) (1000 * left / rate)) : null;
      return new Progress(
          last ? shared.totalWords : position,
          shared.totalWords,
          Math.min(epoch, shared.epochs),
          recentLoss,
          shared.lr,
          rate,
          perThread,
          Duration.ofNanos(now - startNanos),
          remaining);
    }
  }

  /** A non-finite loss seen by a worker. */
  private static final class Diverged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Diverged(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * What all threads of one run share: the corpus, the schedule, the chunk counter, the metric
   * accumulators and the pause protocol. Counters change only under {@code lock}, at most once per
   * {@link #PUBLISH_EVERY_WORDS} words of a thread, so the lock costs nothing measurable.
   */
  private static final class Shared {
    final EncodedCorpus corpus;
    final SubSampling subSampling;
    final long totalWords;
    final double startLr;
    final int window;
    final int epochs;

    /** Chunk c covers positions [bounds[c], bounds[c + 1]). */
    final long[] bounds;

    final int chunks;
    final long metricEvery;
    final int threads;

    /** Whether the first chunk of each epoch waits for a checkpoint of the one before. */
    final boolean epochCheckpoints;

    final Object lock = new Object();

    // Guarded by lock.
    private long nextChunk;
    private long wordsDone;
    private long pairsTotal;
    private double lossTotal;
    private long nextMetricAt;
    private long metricPairs;
    private double metricLoss;
    private final Queue<Metric> metrics = new ArrayDeque<>();
    private int paused;
    private int finished;
    private boolean stopped;
    private Throwable failure;

    /** Read by the workers at every sentence. */
    private volatile boolean pauseRequested;

    volatile float lr;

    Shared(
        EncodedCorpus corpus,
        SubSampling subSampling,
        long totalWords,
        double startLr,
        int window,
        int epochs,
        long[] bounds,
        long metricEvery,
        int threads,
        boolean epochCheckpoints) {
      this.corpus = corpus;
      this.subSampling = subSampling;
      this.totalWords = totalWords;
      this.startLr = startLr;
      this.window = window;
      this.epochs = epochs;
      this.bounds = bounds;
      this.chunks = bounds.length - 1;
      this.metricEvery = metricEvery;
      this.threads = threads;
      this.epochCheckpoints = epochCheckpoints;
      this.nextMetricAt = metricEvery;
      this.lr = (float) startLr;
    }

    /** word2vec C: alpha = start * (1 - done / (epochs * words + 1)), at least start * 1e-4. */
    float learningRate(long done) {
      double rate = startLr * (1 - done / (double) (totalWords + 1));
      return (float) Math.max(rate, startLr * 1e-4);
    }

    /** The next (epoch, chunk) to train as {@code epoch * chunks + chunk}, or -1 when none. */
    long takeChunk() {
      synchronized (lock) {
        if (stopped || nextChunk >= (long) epochs * chunks) {
          return -1;
        }
        long next = nextChunk++;
        if (epochCheckpoints && next > 0 && next % chunks == 0) {
          // The first chunk of an epoch: checkpoint the end of the previous one before it starts.
          pauseRequested = true;
          lock.notifyAll();
        }
        return next;
      }
    }

    /**
     * Adds a worker's counters since its last publication; returns the learning rate to go on with.
     * Records a metric row whenever the words done cross the next multiple of the interval.
     */
    float publish(long words, long pairs, double loss) {
      synchronized (lock) {
        if (words == 0 && pairs == 0) {
          return lr;
        }
        if (!Double.isFinite(loss)) {
          fail(
              new Diverged(
                  String.format(
                      Locale.ROOT,
                      "the loss became %s near word %d of %d with learning rate %s",
                      Double.isNaN(loss) ? "NaN" : "infinite",
                      wordsDone + words,
                      totalWords,
                      lr)));
          return lr;
        }
        wordsDone += words;
        pairsTotal += pairs;
        lossTotal += loss;
        metricPairs += pairs;
        metricLoss += loss;
        float rate = learningRate(wordsDone);
        lr = rate;
        if (wordsDone >= nextMetricAt || wordsDone == totalWords) {
          metrics.add(
              new Metric(
                  wordsDone, metricPairs == 0 ? Double.NaN : metricLoss / metricPairs, rate));
          metricPairs = 0;
          metricLoss = 0;
          while (nextMetricAt <= wordsDone) {
            nextMetricAt += metricEvery;
          }
        }
        return rate;
      }
    }

    /** Counters a resumed thread held unpublished: counted without a metric row or a new rate. */
    void absorb(long words, long pairs, double loss) {
      synchronized (lock) {
        wordsDone += words;
        pairsTotal += pairs;
        lossTotal += loss;
        metricPairs += pairs;
        metricLoss += loss;
      }
    }

    Metric pollMetric() {
      synchronized (lock) {
        return metrics.poll();
      }
    }

    /** Words done, including those the paused workers have not published yet. */
    long position() {
      synchronized (lock) {
        return wordsDone + unpublished;
      }
    }

    /** Words the paused workers hold unpublished, set while all are paused. */
    private long unpublished;

    long pairsTotal() {
      synchronized (lock) {
        return pairsTotal;
      }
    }

    double lossTotal() {
      synchronized (lock) {
        return lossTotal;
      }
    }

    boolean pauseRequested() {
      return pauseRequested;
    }

    /** A worker at a sentence boundary while a pause is requested: waits; false to stop. */
    boolean pause(Worker worker) {
      synchronized (lock) {
        paused++;
        unpublished += worker.unpublishedWords();
        lock.notifyAll();
        try {
          while (pauseRequested && !stopped) {
            lock.wait();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          fail(e);
        } finally {
          paused--;
          unpublished -= worker.unpublishedWords();
        }
        return !stopped;
      }
    }

    /** Asks every worker to pause and waits until each has, or has finished. */
    void pauseAll() {
      synchronized (lock) {
        pauseRequested = true;
        lock.notifyAll();
        while (paused + finished < threads && failure == null) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
          }
        }
      }
    }

    void resumeAll() {
      synchronized (lock) {
        pauseRequested = false;
        lock.notifyAll();
      }
    }

    void stop() {
      synchronized (lock) {
        stopped = true;
        pauseRequested = false;
        lock.notifyAll();
      }
    }

    boolean stopped() {
      synchronized (lock) {
        return stopped;
      }
    }

    void finished() {
      synchronized (lock) {
        finished++;
        lock.notifyAll();
      }
    }

    void fail(Throwable e) {
      synchronized (lock) {
        if (failure == null) {
          failure = e;
        }
        stopped = true;
        lock.notifyAll();
      }
    }

    Throwable failure() {
      synchronized (lock) {
        return failure;
      }
    }

    /**
     * Waits until a worker asks for a checkpoint, every worker is done, something failed, or {@code
     * nanos} pass; true if every worker is done.
     */
    boolean awaitEvent(long nanos) {
      synchronized (lock) {
        long deadline = System.nanoTime() + nanos;
        try {
          while (finished < threads && failure == null && !pauseRequested) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              break;
            }
            lock.wait(left / 1_000_000, (int) (left % 1_000_000));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          fail(e);
        }
        return finished == threads && failure == null;
      }
    }

    long[] state() {
      synchronized (lock) {
        return new long[] {
          nextChunk,
          wordsDone,
          pairsTotal,
          Double.doubleToRawLongBits(lossTotal),
          nextMetricAt,
          metricPairs,
          Double.doubleToRawLongBits(metricLoss)
        };
      }
    }

    void restore(long[] s, double rate) {
      if (s.length != 7) {
        throw new W2vException("the checkpoint's schedule is damaged; start afresh");
      }
      synchronized (lock) {
        nextChunk = s[0];
        wordsDone = s[1];
        pairsTotal = s[2];
        lossTotal = Double.longBitsToDouble(s[3]);
        nextMetricAt = s[4];
        metricPairs = s[5];
        metricLoss = Double.longBitsToDouble(s[6]);
        lr = (float) rate;
      }
    }
  }

  /** One training thread: its generator, its step, its current chunk and its counters. */
  private static final class Worker implements Runnable {
    private final Shared shared;
    private final int index;
    private final Model model;
    private final StepKind stepKind;
    private final Loss loss;
    private final float[] inputs;
    private final float[] outputs;
    final float[][] extras;
    Xoshiro256PlusPlus random;
    private int[] sentence;
    private SentenceStep step;

    // The chunk in progress: its id, the next position and its end (-1 for none).
    private long chunk = -1;
    private long position;
    private long end;
    // Counters that live across chunks, as fields so that a pause can save them.
    private long words;
    private long published;
    private long publishedPairs;
    private double publishedLoss;
    private long restoredPairs;
    private double restoredLoss;
    private long wordsAtStart;
    private float lr;
    volatile long wordsReported;
    volatile int epoch;

    Worker(
        Shared shared,
        int index,
        Model model,
        StepKind stepKind,
        Loss loss,
        float[] inputs,
        float[] outputs,
        float[][] extras,
        long seed) {
      this.shared = shared;
      this.stepKind = stepKind;
      this.extras = extras;
      this.index = index;
      this.model = model;
      this.loss = loss;
      this.inputs = inputs;
      this.outputs = outputs;
      this.random = new Xoshiro256PlusPlus(seed);
      this.lr = shared.lr;
    }

    @Override
    public void run() {
      try {
        // Built on the training thread itself, so that each thread's often-written state (its
        // scratch and counters) is allocated in that thread's own allocation buffer and shares
        // no cache line with the other threads' state.
        step = stepKind.newStep(model, loss, inputs, outputs, extras, shared.window, random);
        step.restoreCounters(restoredPairs, restoredLoss);
        sentence = new int[EncodedCorpus.MAX_SENTENCE_LENGTH + 1];
        train();
      } catch (Throwable e) {
        shared.fail(e);
      } finally {
        shared.finished();
      }
    }

    private void train() {
      int chunks = shared.chunks;
      while (true) {
        if (chunk < 0) {
          long next = shared.takeChunk();
          if (next < 0) {
            break;
          }
          int c = (int) (next % chunks);
          chunk = next;
          position = shared.bounds[c];
          end = shared.bounds[c + 1];
        }
        epoch = (int) (chunk / chunks) + 1;
        if (!trainChunk()) {
          return;
        }
        chunk = -1;
      }
      publishNow();
    }

    /** Trains from {@code position} to the chunk's end; false if the run stops first. */
    private boolean trainChunk() {
      EncodedCorpus corpus = shared.corpus;
      SubSampling subSampling = shared.subSampling;
      int window = shared.window;
      long words = this.words;
      long position = this.position;
      try {
        while (position < end) {
          if (words - published >= PUBLISH_EVERY_WORDS) {
            this.words = words;
            publishNow();
            if (shared.stopped()) {
              return false;
            }
          }
          if (shared.pauseRequested) {
            this.words = words;
            this.position = position;
            if (!shared.pause(this)) {
              return false;
            }
          }
          int length = 0;
          while (position < end) {
            int word = corpus.get(position++);
            if (word == EncodedCorpus.END) {
              break;
            }
            words++;
            if (subSampling.keep(word, random)) {
              sentence[length++] = word;
            }
          }
          step.trainSentence(sentence, length, window, lr);
        }
        return !shared.stopped();
      } finally {
        this.words = words;
        this.position = position;
      }
    }

    private void publishNow() {
      long pairs = step.pairs();
      double lossSum = step.lossSum();
      lr = shared.publish(words - published, pairs - publishedPairs, lossSum - publishedLoss);
      published = words;
      publishedPairs = pairs;
      publishedLoss = lossSum;
      wordsReported = words;
    }

    long unpublishedWords() {
      return words - published;
    }

    /** Adds what this thread holds unpublished to the shared counters, before it starts. */
    void publishHeld() {
      shared.absorb(
          words - published, restoredPairs - publishedPairs, restoredLoss - publishedLoss);
      published = words;
      publishedPairs = restoredPairs;
      publishedLoss = restoredLoss;
    }

    /** Words this thread trained since this process started it. */
    long wordsSinceStart() {
      return wordsReported - wordsAtStart;
    }

    long[] state() {
      return new long[] {
        chunk,
        position,
        end,
        words,
        published,
        publishedPairs,
        Double.doubleToRawLongBits(publishedLoss),
        step.pairs(),
        Double.doubleToRawLongBits(step.lossSum()),
        Float.floatToRawIntBits(lr)
      };
    }

    void restore(long[] randomState, long[] s) {
      if (s.length != 10) {
        throw new W2vException("the checkpoint's thread state is damaged; start afresh");
      }
      random = Xoshiro256PlusPlus.fromState(randomState);
      chunk = s[0];
      position = s[1];
      end = s[2];
      words = s[3];
      published = s[4];
      publishedPairs = s[5];
      publishedLoss = Double.longBitsToDouble(s[6]);
      restoredPairs = s[7];
      restoredLoss = Double.longBitsToDouble(s[8]);
      lr = Float.intBitsToFloat((int) s[9]);
      wordsReported = words;
      wordsAtStart = words;
    }

    @Override
    public String toString() {
      return "worker " + index;
    }
  }
}
