package dev.w2v.core.fast;

import dev.w2v.api.Loss;
import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * word2vec C's algorithm on plain-text corpora of any size, through any {@link Loss}.
 *
 * <p>Steps: one streaming pass counts the vocabulary ({@link Vocabulary#count}); a second encodes
 * the corpus as word indices ({@link EncodedCorpus#encode}); then {@code threads} threads train
 * Hogwild-style on the shared flat matrices, each on its own slice of the encoded corpus in every
 * epoch, with word2vec C's sub-sampling, shrunk window and linear learning-rate decay (from {@code
 * lr} to {@code lr * 1e-4} by words processed over all epochs). The calling thread monitors them
 * and reports progress a few times per second; the training threads only publish their counters
 * every 10,000 words.
 *
 * <p>With one thread, a configuration and a corpus fix the result bit for bit.
 */
public final class FastTrainer {

  /** How often the training threads publish their counters and update the learning rate. */
  static final int PUBLISH_EVERY_WORDS = 10_000;

  /** About this many corpus positions per chunk (a few tenths of a second of training). */
  static final long CHUNK_POSITIONS = 100_000;

  /** At most this many chunks per epoch, so that huge corpora keep a small bounds array. */
  static final long CHUNKS_MAX = 1 << 16;

  private final FastConfig config;
  private final Duration reportInterval;

  /** A trainer that reports progress four times per second. */
  public FastTrainer(FastConfig config) {
    this(config, Duration.ofMillis(250));
  }

  /** A trainer that reports progress every {@code reportInterval}. */
  public FastTrainer(FastConfig config, Duration reportInterval) {
    this.config = Objects.requireNonNull(config, "config");
    this.reportInterval = Objects.requireNonNull(reportInterval, "reportInterval");
  }

  /** The configuration. */
  public FastConfig config() {
    return config;
  }

  /**
   * Counts, encodes and trains on the files and folders {@code sources}.
   *
   * @param lossFactory creates the loss once the vocabulary is known (for example a registry lookup
   *     by name); its dimension must be the configured one
   * @throws W2vException on a missing file, an empty vocabulary or a mismatched loss
   */
  public TrainedVectors train(
      List<Path> sources, Function<WordCounts, Loss> lossFactory, FastListener listener) {
    TextCorpus corpus = TextCorpus.of(sources, config.lowercase());
    Vocabulary vocabulary = Vocabulary.count(corpus, config.minCount(), config.maxVocab());
    listener.vocabularyCounted(vocabulary);
    EncodedCorpus encoded = EncodedCorpus.encode(corpus, vocabulary, config.maxInMemoryWords());
    listener.corpusEncoded(encoded);
    return train(vocabulary, encoded, lossFactory, listener);
  }

  /** Trains on an already encoded corpus. */
  public TrainedVectors train(
      Vocabulary vocabulary,
      EncodedCorpus corpus,
      Function<WordCounts, Loss> lossFactory,
      FastListener listener) {
    int d = config.dimension();
    int v = vocabulary.size();
    Loss loss = lossFactory.apply(vocabulary.wordCounts());
    if (loss.dimension() != d) {
      throw new W2vException(
          "the loss was created for dimension " + loss.dimension() + " but dim is " + d);
    }
    long inputSize = (long) v * d;
    long outputSize = (long) loss.outputRows() * d;
    if (Math.max(inputSize, outputSize) > Integer.MAX_VALUE - 16) {
      throw new W2vException(
          "a "
              + Math.max(v, loss.outputRows())
              + " x "
              + d
              + " matrix does not fit in a Java"
              + " array: raise min-count or lower dim");
    }
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(config.seed());
    float[] inputs = new float[(int) inputSize];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = (random.nextFloat() - 0.5f) / d;
    }
    float[] outputs = new float[(int) outputSize];
    float[] keep = Subsampling.keepProbabilities(vocabulary.wordCounts(), config.sample());

    int threads = config.threads();
    // Threads take sentence-aligned chunks of the corpus from a shared counter instead of one
    // fixed slice each (word2vec C's way): a thread whose text trains slower no longer leaves the
    // others idle at the end. With one thread the chunks come in corpus order, as before.
    long[] bounds = chunkBounds(corpus, threads);

    Run run =
        new Run(
            corpus,
            keep,
            config.epochs() * corpus.words(),
            config.startingLearningRate(),
            config.window(),
            config.epochs(),
            bounds);
    Worker[] workers = new Worker[threads];
    Thread[] running = new Thread[threads];
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      long seed = random.nextLong();
      // Built on the training thread itself, so that each thread's often-written state (its
      // generator, scratch and counters) is allocated in that thread's own allocation buffer and
      // shares no cache line with the other threads' state.
      workers[t] =
          new Worker(
              run,
              () ->
                  new WordStep(config.model(), loss, inputs, outputs, new Xoshiro256PlusPlus(seed)),
              done);
      running[t] = new Thread(workers[t], "w2v-fast-" + t);
      running[t].setDaemon(true);
    }
    long startNanos = System.nanoTime();
    for (Thread thread : running) {
      thread.start();
    }
    Monitor monitor = new Monitor(run, workers, startNanos);
    try {
      while (!done.await(reportInterval.toNanos(), TimeUnit.NANOSECONDS)) {
        listener.progress(monitor.snapshot(false));
      }
      for (Thread thread : running) {
        thread.join();
      }
    } catch (InterruptedException e) {
      run.failure.compareAndSet(null, e);
      for (Thread thread : running) {
        thread.interrupt();
      }
      Thread.currentThread().interrupt();
    }
    Throwable failure = run.failure.get();
    if (failure instanceof W2vException w) {
      throw w;
    }
    if (failure != null) {
      throw new W2vException("training failed: " + failure, failure);
    }
    listener.finished(monitor.snapshot(true));
    return new TrainedVectors(vocabulary.words(), vocabulary.counts(), d, inputs);
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

  /** What all threads of one run share. */
  private static final class Run {
    final EncodedCorpus corpus;
    final float[] keep;
    final long totalWords;
    final double startLr;
    final int window;
    final int epochs;

    /** Chunk c covers positions [bounds[c], bounds[c + 1]). */
    final long[] bounds;

    /** The next (epoch, chunk) to train, as epoch * chunks + chunk. */
    final AtomicLong nextChunk = new AtomicLong();

    final AtomicLong wordsDone = new AtomicLong();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    volatile float lr;

    Run(
        EncodedCorpus corpus,
        float[] keep,
        long totalWords,
        double startLr,
        int window,
        int epochs,
        long[] bounds) {
      this.corpus = corpus;
      this.keep = keep;
      this.totalWords = totalWords;
      this.startLr = startLr;
      this.window = window;
      this.epochs = epochs;
      this.bounds = bounds;
      this.lr = (float) startLr;
    }

    /** word2vec C: alpha = start * (1 - done / (epochs * words + 1)), at least start * 1e-4. */
    float learningRate(long done) {
      double lr = startLr * (1 - done / (double) (totalWords + 1));
      return (float) Math.max(lr, startLr * 1e-4);
    }
  }

  /** One training thread: its slice of the corpus, its step and its published counters. */
  private static final class Worker implements Runnable {
    private final Run run;
    private final Supplier<WordStep> newStep;
    private WordStep step;
    private final CountDownLatch done;
    private int[] sentence;
    volatile long wordsDone;
    volatile long pairs;
    volatile double lossSum;
    volatile int epoch;

    Worker(Run run, Supplier<WordStep> newStep, CountDownLatch done) {
      this.run = run;
      this.newStep = newStep;
      this.done = done;
    }

    @Override
    public void run() {
      try {
        train();
      } catch (Throwable e) {
        run.failure.compareAndSet(null, e);
      } finally {
        done.countDown();
      }
    }

    // Counters that live across chunks; fields rather than locals because a chunk is trained by
    // its own method, which the JIT compiles normally instead of only on-stack-replacing one
    // long-running loop.
    private long words;
    private long published;
    private float lr;

    private void train() {
      step = newStep.get();
      sentence = new int[FastConfig.MAX_SENTENCE_LENGTH + 1];
      lr = run.lr;
      int chunks = run.bounds.length - 1;
      long total = (long) run.epochs * chunks;
      for (long next = run.nextChunk.getAndIncrement();
          next < total;
          next = run.nextChunk.getAndIncrement()) {
        epoch = (int) (next / chunks) + 1;
        int chunk = (int) (next % chunks);
        if (!trainChunk(run.bounds[chunk], run.bounds[chunk + 1])) {
          return;
        }
      }
      run.wordsDone.addAndGet(words - published);
      publish(words);
    }

    /** Trains on the sentences in [position, end); false if another thread failed. */
    private boolean trainChunk(long position, long end) {
      EncodedCorpus corpus = run.corpus;
      float[] keep = run.keep;
      int window = run.window;
      RandomGenerator random = step.random();
      long words = this.words;
      float lr = this.lr;
      try {
        while (position < end) {
          if (words - published >= PUBLISH_EVERY_WORDS) {
            run.wordsDone.addAndGet(words - published);
            published = words;
            lr = run.learningRate(run.wordsDone.get());
            run.lr = lr;
            publish(words);
            if (run.failure.get() != null) {
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
            if (Subsampling.keep(keep[word], random)) {
              sentence[length++] = word;
            }
          }
          for (int p = 0; p < length; p++) {
            step.train(sentence, length, p, ContextWindow.reach(window, random), lr);
          }
        }
        return true;
      } finally {
        this.words = words;
        this.lr = lr;
      }
    }

    private void publish(long words) {
      pairs = step.pairs();
      lossSum = step.lossSum();
      wordsDone = words;
    }
  }

  /** Turns the workers' counters into {@link FastProgress} snapshots. */
  private static final class Monitor {
    private final Run run;
    private final Worker[] workers;
    private final long startNanos;
    private long lastPairs;
    private double lastLossSum;
    private double lastLoss = Double.NaN;

    Monitor(Run run, Worker[] workers, long startNanos) {
      this.run = run;
      this.workers = workers;
      this.startNanos = startNanos;
    }

    FastProgress snapshot(boolean last) {
      double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
      long words = 0;
      long pairs = 0;
      double lossSum = 0;
      int epoch = Integer.MAX_VALUE;
      double[] perThread = new double[workers.length];
      for (int t = 0; t < workers.length; t++) {
        Worker w = workers[t];
        long wd = w.wordsDone;
        words += wd;
        pairs += w.pairs;
        lossSum += w.lossSum;
        epoch = Math.min(epoch, Math.max(1, w.epoch));
        perThread[t] = wd / seconds;
      }
      double fraction = last ? 1.0 : Math.min(1.0, words / (double) Math.max(1, run.totalWords));
      double recent = lastLoss;
      if (pairs > lastPairs) {
        recent = (lossSum - lastLossSum) / (pairs - lastPairs);
        lastLoss = recent;
      }
      lastPairs = pairs;
      lastLossSum = lossSum;
      double rate = words / seconds;
      double left = rate > 0 ? (run.totalWords - words) / rate : Double.POSITIVE_INFINITY;
      Duration remaining =
          last
              ? Duration.ZERO
              : Double.isInfinite(left) ? null : Duration.ofMillis((long) (left * 1000));
      return new FastProgress(
          fraction,
          epoch,
          rate,
          perThread,
          run.lr,
          recent,
          Duration.ofNanos(System.nanoTime() - startNanos),
          remaining);
    }
  }
}
