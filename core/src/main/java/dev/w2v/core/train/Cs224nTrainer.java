package dev.w2v.core.train;

import dev.w2v.api.Loss;
import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.Checkpoint;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.corpus.ContextSampler;
import dev.w2v.core.corpus.Corpus;
import dev.w2v.core.corpus.SubSampling;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import java.util.List;
import java.util.Locale;

/**
 * Skip-gram trained as CS224n's {@code run.py} and {@code sgd.py} do: each iteration draws a batch
 * of contexts, averages the skip-gram loss and gradient over the batch and takes one SGD step; the
 * step halves every {@code annealEvery} iterations; the loss is smoothed as {@code 0.95 old + 0.05
 * new} at every report.
 *
 * <p>Center (input) vectors start uniform in [-0.5, 0.5)/dim, outside (output) vectors at zero. The
 * output matrix has {@link Loss#outputRows()} rows, whatever the loss makes of them.
 */
public final class Cs224nTrainer {

  private static final long BUILD_STREAM = 0x5EED_0001L;
  private static final long CONTEXT_STREAM = 0x5EED_0002L;
  private static final long LOSS_STREAM = 0x5EED_0003L;
  private static final long INIT_STREAM = 0x5EED_0004L;

  private final Cs224nConfig config;
  private final String fingerprint;
  private final Loss loss;
  private final ContextSampler contexts;
  private final float[] input;
  private final float[] output;
  private Xoshiro256PlusPlus contextRandom;
  private Xoshiro256PlusPlus lossRandom;
  private long iteration;
  private double step;
  private double smoothedLoss = Double.NaN;

  /** A run whose loss needs no description beyond its class, for tests. */
  public Cs224nTrainer(Cs224nConfig config, Corpus corpus, Loss loss) {
    this(config, corpus, loss, loss.getClass().getName());
  }

  /**
   * Sets up a fresh run: the sub-sampled corpus copies and the initial parameters, all derived from
   * {@code config.seed()}.
   *
   * @param lossDescription the loss and sampler with their parameters, such as {@code
   *     negsampling[k=10] unigram[power=0.75]}: part of what a checkpoint must match to resume
   */
  public Cs224nTrainer(Cs224nConfig config, Corpus corpus, Loss loss, String lossDescription) {
    if (loss.dimension() != config.dim()) {
      throw new IllegalArgumentException(
          "the loss was made for dimension "
              + loss.dimension()
              + ", the trainer for "
              + config.dim());
    }
    this.config = config;
    this.loss = loss;
    this.fingerprint =
        config.fingerprint()
            + " corpus="
            + corpus.vocabulary().size()
            + "words/"
            + corpus.tokens()
            + "tokens loss="
            + lossDescription;
    int words = corpus.vocabulary().size();
    double[] reject = SubSampling.rejectProbabilities(corpus.vocabulary(), config.sample());
    try {
      this.contexts =
          new ContextSampler(
              corpus,
              reject,
              config.copies(),
              new Xoshiro256PlusPlus(config.seed() ^ BUILD_STREAM));
    } catch (IllegalArgumentException e) {
      throw new W2vException("cannot train on this corpus: " + e.getMessage());
    }
    int d = config.dim();
    this.input = new float[Math.multiplyExact(words, d)];
    this.output = new float[Math.multiplyExact(loss.outputRows(), d)];
    Xoshiro256PlusPlus init = new Xoshiro256PlusPlus(config.seed() ^ INIT_STREAM);
    for (int i = 0; i < input.length; i++) {
      input[i] = (init.nextFloat() - 0.5f) / d;
    }
    this.contextRandom = new Xoshiro256PlusPlus(config.seed() ^ CONTEXT_STREAM);
    this.lossRandom = new Xoshiro256PlusPlus(config.seed() ^ LOSS_STREAM);
    this.step = config.learningRate();
  }

  /**
   * Continues from {@code checkpoint} instead of the start.
   *
   * @throws W2vException if it was written under other settings or for other matrix sizes
   */
  public void restore(Checkpoint checkpoint) {
    if (!checkpoint.fingerprint().equals(fingerprint)) {
      throw new W2vException(
          "the checkpoint was written with other settings ("
              + checkpoint.fingerprint()
              + "), this run has ("
              + fingerprint
              + "); resume with the same settings or use another --out");
    }
    List<float[]> m = checkpoint.matrices();
    if (m.size() != 2
        || m.get(0).length != input.length
        || m.get(1).length != output.length
        || checkpoint.randomStates().size() != 2) {
      throw new W2vException(
          "the checkpoint's matrices do not fit this corpus and loss; resume with the same corpus and loss");
    }
    System.arraycopy(m.get(0), 0, input, 0, input.length);
    System.arraycopy(m.get(1), 0, output, 0, output.length);
    contextRandom = Xoshiro256PlusPlus.fromState(checkpoint.randomStates().get(0));
    lossRandom = Xoshiro256PlusPlus.fromState(checkpoint.randomStates().get(1));
    iteration = checkpoint.iteration();
    step = checkpoint.learningRate();
    smoothedLoss = checkpoint.smoothedLoss();
  }

  /** A snapshot of the current state. */
  public Checkpoint checkpoint() {
    return new Checkpoint(
        fingerprint,
        iteration,
        step,
        smoothedLoss,
        List.of(contextRandom.state(), lossRandom.state()),
        List.of(input.clone(), output.clone()));
  }

  /**
   * Trains up to {@code config.iterations()}, checkpointing every {@code checkpointEvery}
   * iterations and at the end when {@code store} is not null.
   *
   * @throws W2vException if the loss turns NaN or infinite; the last checkpoint written stays
   */
  public void train(CheckpointStore store, TrainingListener listener) {
    int d = config.dim();
    int batch = config.batchSize();
    BatchGradient gradient = new BatchGradient(input, d);
    ContextSampler.Context context = new ContextSampler.Context(config.window());
    Loss.Scratch scratch = loss.newScratch();
    listener.started(iteration + 1, config.iterations());
    while (iteration < config.iterations()) {
      long it = iteration + 1;
      double cost = 0;
      for (int b = 0; b < batch; b++) {
        int window = 1 + contextRandom.nextInt(config.window());
        contexts.sample(window, contextRandom, context);
        int center = context.center();
        gradient.forInputRow(center);
        for (int k = 0; k < context.size(); k++) {
          cost +=
              loss.lossAndGradient(
                  scratch, input, center * d, context.outside(k), output, lossRandom, gradient);
        }
      }
      cost /= batch;
      if (!Double.isFinite(cost)) {
        throw new W2vException(
            String.format(
                Locale.ROOT,
                "the loss became %s at iteration %d with learning rate %s; try a smaller --lr%s",
                Double.isNaN(cost) ? "NaN" : "infinite",
                it,
                step,
                store == null
                    ? ""
                    : " (the last good checkpoint in "
                        + store.folder()
                        + " is kept; --resume continues from it)"));
      }
      gradient.applyAndClear(output, (float) (step / batch));
      iteration = it;
      if (it % config.reportEvery() == 0) {
        smoothedLoss = Double.isNaN(smoothedLoss) ? cost : 0.95 * smoothedLoss + 0.05 * cost;
        listener.progress(it, smoothedLoss, step);
      }
      if (it % config.annealEvery() == 0) {
        step *= 0.5;
      }
      if (store != null && (it % config.checkpointEvery() == 0 || it == config.iterations())) {
        listener.checkpointed(it, store.save(checkpoint()));
      }
    }
  }

  /** The center vectors, V x dim; live, not a copy. */
  public float[] inputVectors() {
    return input;
  }

  /** The outside vectors, outputRows x dim; live, not a copy. */
  public float[] outputVectors() {
    return output;
  }

  /** The last completed iteration. */
  public long iteration() {
    return iteration;
  }

  /** The last smoothed loss reported, NaN before the first report. */
  public double smoothedLoss() {
    return smoothedLoss;
  }

  /** The current step size. */
  public double learningRate() {
    return step;
  }
}
