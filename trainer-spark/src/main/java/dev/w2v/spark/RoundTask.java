package dev.w2v.spark;

import dev.w2v.api.Loss;
import dev.w2v.core.Failures;
import dev.w2v.core.corpus.EncodedCorpus;
import dev.w2v.core.corpus.SubSampling;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.train.fast.SentenceStep;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

/**
 * One task of one round, on an executor: trains its share's slice of the round from its own copy of
 * the round's model, with Hogwild threads through the fast trainer's {@link SentenceStep} (batched
 * windows or one loss call per pair, as configured), and returns what it changed.
 *
 * <p>The copy is decoded from the broadcast bytes, so the task shares nothing mutable with the
 * driver or with the other tasks of its executor. Its random generators are seeded from the run's
 * seed, the round and the share (and the thread), so with one thread per task a round's result does
 * not depend on where or in which order the tasks ran.
 */
final class RoundTask implements Function2<Integer, Iterator<int[]>, Iterator<RoundTask.Result>> {

  private static final long serialVersionUID = 1L;

  /** How often a thread updates its learning rate and looks for a cancelled job. */
  private static final int CHECK_EVERY_WORDS = 10_000;

  private final Broadcast<RunContext> context;
  private final Broadcast<ModelBytes> model;
  private final int round;
  private final LongAccumulator wordsDone;

  RoundTask(
      Broadcast<RunContext> context,
      Broadcast<ModelBytes> model,
      int round,
      LongAccumulator wordsDone) {
    this.context = context;
    this.model = model;
    this.round = round;
    this.wordsDone = wordsDone;
  }

  /**
   * What a task changed and what it saw.
   *
   * @param share the share (partition) index
   * @param words words of its slice read, sub-sampled ones included
   * @param pairs (input, target) pairs trained
   * @param loss the sum of their losses
   * @param input the change to the input matrix
   * @param output the change to the output matrix
   * @param extras the change to each block of the loss's own parameters, a row per value
   */
  record Result(
      int share,
      long words,
      long pairs,
      double loss,
      RowDelta input,
      RowDelta output,
      RowDelta[] extras)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The same result, filed under another share (a merged group's index). */
    Result withShare(int share) {
      return new Result(share, words, pairs, loss, input, output, extras);
    }

    /** Whether the loss and every change are finite. */
    boolean finite() {
      boolean finite = Double.isFinite(loss) && input.finite() && output.finite();
      for (RowDelta e : extras) {
        finite &= e.finite();
      }
      return finite;
    }
  }

  /** Two results' changes to the loss's own parameters, block by block. */
  static RowDelta[] plus(RowDelta[] a, RowDelta[] b) {
    RowDelta[] sum = new RowDelta[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i].plus(b[i]);
    }
    return sum;
  }

  @Override
  public Iterator<Result> call(Integer share, Iterator<int[]> shares) {
    int[] ints = shares.hasNext() ? shares.next() : new int[0];
    Result result = train(share, ints, TaskContext.get());
    wordsDone.add(result.words());
    return List.of(result).iterator();
  }

  /** Trains slice {@code round % rounds} of {@code ints}, share {@code share}. */
  Result train(int share, int[] ints, TaskContext task) {
    RunContext run = context.value();
    SparkConfig config = run.config();
    int d = config.dimension();
    ModelBytes base = model.value();
    float[] input = base.copy(0);
    float[] output = base.copy(1);
    float[][] extras = new float[base.matrices() - 2][];
    for (int b = 0; b < extras.length; b++) {
      extras[b] = base.copy(2 + b);
    }
    Loss loss = run.loss();
    int[] slice = Slices.bounds(ints, 0, ints.length, config.rounds());
    int slot = round % config.rounds();
    int[] parts = Slices.bounds(ints, slice[slot], slice[slot + 1], run.threads());
    long sliceWords = 0;
    for (int i = parts[0]; i < parts[parts.length - 1]; i++) {
      if (ints[i] != EncodedCorpus.END) {
        sliceWords++;
      }
    }
    Worker[] workers = new Worker[run.threads()];
    for (int t = 0; t < workers.length; t++) {
      Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(seed(config.seed(), round, share, t));
      workers[t] =
          new Worker(
              run,
              run.step()
                  .newStep(config.model(), loss, input, output, extras, config.window(), random),
              random,
              ints,
              parts[t],
              parts[t + 1],
              sliceWords,
              task);
    }
    runAll(workers);
    long words = 0;
    long pairs = 0;
    double lossSum = 0;
    for (Worker w : workers) {
      words += w.words;
      pairs += w.step.pairs();
      lossSum += w.step.lossSum();
    }
    if (task != null) {
      task.killTaskIfInterrupted();
    }
    if (!Double.isFinite(lossSum)) {
      RowDelta[] none = new RowDelta[extras.length];
      java.util.Arrays.fill(none, RowDelta.empty(1));
      return new Result(share, words, pairs, lossSum, RowDelta.empty(d), RowDelta.empty(d), none);
    }
    // A block of the loss's own parameters has no rows of d; each value is a row of its own.
    RowDelta[] extraDeltas = new RowDelta[extras.length];
    for (int b = 0; b < extras.length; b++) {
      extraDeltas[b] = RowDelta.between(base.reader(2 + b), extras[b], 1);
    }
    return new Result(
        share,
        words,
        pairs,
        lossSum,
        RowDelta.between(base.reader(0), input, d),
        RowDelta.between(base.reader(1), output, d),
        extraDeltas);
  }

  private static void runAll(Worker[] workers) {
    if (workers.length == 1) {
      workers[0].run();
    } else {
      Thread[] threads = new Thread[workers.length];
      for (int t = 0; t < threads.length; t++) {
        threads[t] = new Thread(workers[t], "w2v-spark-" + t);
        threads[t].setDaemon(true);
        threads[t].start();
      }
      for (Thread thread : threads) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the task's threads trained", e);
        }
      }
    }
    for (Worker w : workers) {
      if (w.failure != null) {
        throw Failures.rethrow(
            w.failure, f -> new IllegalStateException("a training thread failed: " + f, f));
      }
    }
  }

  /** A generator seed for (run seed, round, share, thread), mixed by SplitMix64's finaliser. */
  static long seed(long seed, int round, int share, int thread) {
    long z = seed;
    z = mix(z + 0x9E3779B97F4A7C15L * (round + 1));
    z = mix(z + 0x9E3779B97F4A7C15L * (share + 1));
    return mix(z + 0x9E3779B97F4A7C15L * (thread + 1));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** One thread's part of the slice: word2vec C's loop of the fast trainer's workers. */
  private final class Worker implements Runnable {
    private final RunContext run;
    private final SentenceStep step;
    private final RandomGenerator random;
    private final int[] ints;
    private final int from;
    private final int to;
    private final long sliceWords;
    private final TaskContext task;
    long words;
    Throwable failure;

    Worker(
        RunContext run,
        SentenceStep step,
        RandomGenerator random,
        int[] ints,
        int from,
        int to,
        long sliceWords,
        TaskContext task) {
      this.run = run;
      this.step = step;
      this.random = random;
      this.ints = ints;
      this.from = from;
      this.to = to;
      this.sliceWords = sliceWords;
      this.task = task;
    }

    @Override
    public void run() {
      try {
        train();
      } catch (RuntimeException | Error e) {
        failure = e;
      }
    }

    private void train() {
      SubSampling subSampling = run.subSampling();
      int window = run.config().window();
      int[] sentence = new int[EncodedCorpus.MAX_SENTENCE_LENGTH + 1];
      double before = run.wordsBefore(round);
      double roundWords = run.roundWords()[round % run.config().rounds()];
      // Every task is taken to be as far through its slice as this thread is through its part,
      // so all tasks follow one global schedule without talking to each other.
      double perWord = sliceWords == 0 ? 0 : roundWords / sliceWords * run.threads();
      float lr = run.learningRate(before);
      long checked = 0;
      int position = from;
      while (position < to) {
        if (words - checked >= CHECK_EVERY_WORDS) {
          checked = words;
          lr = run.learningRate(before + words * perWord);
          if (task != null && task.isInterrupted()) {
            return;
          }
        }
        int length = 0;
        while (position < to) {
          int word = ints[position++];
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
    }
  }
}
