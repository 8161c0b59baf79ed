package dev.w2v.core.train.cs224n;

import dev.w2v.api.Loss;
import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.Checkpoint;
import dev.w2v.core.checkpoint.Fingerprint;
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
import dev.w2v.core.train.TrainingListener;
import dev.w2v.core.train.TrainingPlan;
import dev.w2v.core.train.TrainingRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Skip-gram trained as CS224n's {@code run.py} and {@code sgd.py} do: each iteration draws a batch
 * of contexts, averages the skip-gram loss and gradient over the batch and takes one SGD step; the
 * step halves every {@code annealEvery} iterations; the loss is smoothed as {@code 0.95 old + 0.05
 * new} at every report.
 *
 * <p>Center (input) vectors start uniform in [-0.5, 0.5)/dim, outside (output) vectors at zero. The
 * output matrix has {@link Loss#outputRows()} rows, whatever the loss makes of them. The vocabulary
 * is CS224n's (first appearance, then UNK) and sub-sampling is CS224n's formula.
 *
 * <p>A run resumed from any of its checkpoints ends with exactly the vectors of an uninterrupted
 * run: the checkpoint holds both matrices, both generators, the step and the smoothed loss.
 */
public final class Cs224nTrainer implements Trainer {

  private static final long BUILD_STREAM = 0x5EED_0001L;
  private static final long CONTEXT_STREAM = 0x5EED_0002L;
  private static final long LOSS_STREAM = 0x5EED_0003L;
  private static final long INIT_STREAM = 0x5EED_0004L;

  /** Display updates at most this often; the loop runs thousands of iterations a second. */
  private static final long PROGRESS_NANOS = 100_000_000L;

  private final Cs224nConfig config;
  private final boolean ahead;

  /**
   * A trainer with these settings, which prepares the coming batches on a second core if there is
   * one.
   */
  public Cs224nTrainer(Cs224nConfig config) {
    this(config, AheadThread.worthIt());
  }

  /**
   * @param ahead prepare the coming batches on a second thread; the vectors are the same either way
   */
  Cs224nTrainer(Cs224nConfig config, boolean ahead) {
    this.config = config;
    this.ahead = ahead;
  }

  @Override
  public TrainedModel train(TrainingRun run) {
    if (run.startingModel().isPresent()) {
      throw new W2vException(
          "the cs224n trainer cannot continue training a model; continue with --trainer fast");
    }
    PreparedCorpus prepared = run.prepare(VocabularyPolicy.cs224n());
    Vocabulary vocabulary = prepared.vocabulary();
    LossDraws.Tap tap = new LossDraws.Tap();
    Loss loss =
        ahead
            ? run.losses().create(vocabulary.wordCounts(), config.dim(), tap)
            : run.losses().create(vocabulary.wordCounts(), config.dim());
    if (loss.dimension() != config.dim()) {
      throw new W2vException(
          "loss '"
              + run.losses().lossName()
              + "' was made for dimension "
              + loss.dimension()
              + " but dim is "
              + config.dim()
              + "; the plugin ignores the dimension it is given");
    }
    Map<String, Object> settings = new LinkedHashMap<>(config.fingerprint());
    settings.put("vocabulary", vocabulary.size() + " words " + vocabulary.fingerprint());
    settings.put("corpus-positions", prepared.corpus().size());
    settings.put("loss", run.losses().description());
    Fingerprint fingerprint = Fingerprint.of(settings);

    // The copies and the matrices are built from the seed on every run, resumed or not, so that
    // the generators' streams stay those of an uninterrupted run.
    SubSampling subSampling = SubSampling.cs224n(vocabulary.wordCounts(), config.sample());
    ContextSampler contexts =
        new ContextSampler(
            prepared.corpus(),
            subSampling,
            config.copies(),
            new Xoshiro256PlusPlus(config.seed() ^ BUILD_STREAM));
    int d = config.dim();
    float[][] matrices = Matrices.allocate(vocabulary.size(), loss.outputRows(), d, 0);
    float[] input = matrices[0];
    float[] output = matrices[1];
    float[][] extras = Matrices.allocateExtras(loss.extraParameters());
    Matrices.initialiseInput(input, d, new Xoshiro256PlusPlus(config.seed() ^ INIT_STREAM));
    State state = new State(config);
    run.resumeFrom(fingerprint).ifPresent(c -> state.restore(c, input, output, extras));
    if (state.iteration >= config.iterations()) {
      run.listener()
          .warning(
              "the checkpoint is already at iteration "
                  + state.iteration
                  + "; raise --iterations to train further");
    }
    long started = System.nanoTime();
    train(run, loss, tap, contexts, input, output, extras, state, fingerprint);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    if (!Matrices.allFinite(input, output) || !Matrices.allFinite(extras)) {
      throw run.diverged("a parameter is no longer finite after training", lowerLr());
    }
    String summary =
        String.format(
            Locale.ROOT,
            "final smoothed loss %.4f after %d iterations (%s loss, %d words, dim %d)",
            state.smoothedLoss,
            state.iteration,
            run.losses().lossName(),
            vocabulary.size(),
            d);
    return new TrainedModel(vocabulary, d, input, output, summary, elapsed, Double.NaN)
        .withExtras(loss.extraParameters(), extras);
  }

  private void train(
      TrainingRun run,
      Loss loss,
      LossDraws.Tap tap,
      ContextSampler contexts,
      float[] input,
      float[] output,
      float[][] extras,
      State state,
      Fingerprint fingerprint) {
    int d = config.dim();
    int batch = config.batchSize();
    int iterations = config.iterations();
    TrainingListener listener = run.listener();
    BatchGradient gradient = new BatchGradient(input, d);
    Loss.Scratch scratch = loss.newScratch();
    long startNanos = System.nanoTime();
    long startIteration = state.iteration;
    long lastProgress = 0;
    listener.started(
        new TrainingPlan(
            state.iteration, iterations, "it", "iteration", "smoothed_loss", "iteration", 1));
    try (AheadThread thread = ahead ? new AheadThread() : null) {
      ContextBatches batches =
          new ContextBatches(
              contexts,
              config.window(),
              batch,
              Math.max(0, iterations - state.iteration),
              state.contextRandom,
              thread);
      LossDraws draws =
          thread != null && tap.tapped() ? new LossDraws(thread, state.lossRandom, tap) : null;
      RandomGenerator lossRandom = draws != null ? draws.random() : state.lossRandom;
      state.lossState = draws != null ? draws::state : state.lossRandom::state;
      if (thread != null) {
        thread.start();
      }
      while (state.iteration < iterations) {
        if (run.cancellation().requested()) {
          Path saved =
              run.checkpointing()
                  ? run.saveCheckpoint(state.snapshot(fingerprint, input, output, extras))
                  : null;
          throw run.cancelled(state.iteration, saved);
        }
        long it = state.iteration + 1;
        int slot = batches.next();
        double cost =
            batchLoss(
                loss,
                scratch,
                batch,
                batches.centers(slot),
                batches.starts(slot),
                batches.outside(slot),
                input,
                output,
                extras,
                lossRandom,
                gradient);
        System.arraycopy(batches.stateAfter(slot), 0, state.contextState, 0, 4);
        batches.release();
        if (draws != null) {
          draws.release();
        }
        cost /= batch;
        if (!Double.isFinite(cost)) {
          throw run.diverged(
              String.format(
                  Locale.ROOT,
                  "the loss became %s at iteration %d with learning rate %s",
                  Double.isNaN(cost) ? "NaN" : "infinite",
                  it,
                  state.step),
              lowerLr());
        }
        gradient.applyAndClear(output, (float) (state.step / batch));
        gradient.applyExtrasAndClear(extras, (float) (state.step / batch));
        state.iteration = it;
        if (it % config.reportEvery() == 0) {
          state.smoothedLoss =
              Double.isNaN(state.smoothedLoss) ? cost : 0.95 * state.smoothedLoss + 0.05 * cost;
          listener.metric(new Metric(it, state.smoothedLoss, state.step));
          long now = System.nanoTime();
          if (now - lastProgress >= PROGRESS_NANOS || it == iterations) {
            lastProgress = now;
            listener.progress(progress(state, startNanos, startIteration, now));
          }
        }
        if (it % config.annealEvery() == 0) {
          state.step *= 0.5;
        }
        if (run.checkpointing() && (it % config.checkpointEvery() == 0 || it == iterations)) {
          run.saveCheckpoint(state.snapshot(fingerprint, input, output, extras));
        }
      }
    }
    listener.finished(progress(state, startNanos, startIteration, System.nanoTime()));
  }

  /**
   * The summed loss of one batch, its gradient recorded in {@code gradient}. A method of its own so
   * that the JIT compiles the hot loop apart from the rare branches around it (progress, annealing,
   * checkpoints): inside one loop, the first use of each had thrown the compiled loop, the loss
   * inlined, away mid-run, three or four times a run.
   */
  private static double batchLoss(
      Loss loss,
      Loss.Scratch scratch,
      int batch,
      int[] centers,
      int[] starts,
      int[] outside,
      float[] input,
      float[] output,
      float[][] extras,
      RandomGenerator random,
      BatchGradient gradient) {
    int d = loss.dimension();
    double cost = 0;
    for (int b = 0; b < batch; b++) {
      int center = centers[b];
      gradient.forInputRow(center);
      for (int k = starts[b]; k < starts[b + 1]; k++) {
        cost +=
            loss.lossAndGradient(
                scratch, input, center * d, outside[k], output, extras, random, gradient);
      }
    }
    return cost;
  }

  private Progress progress(State state, long startNanos, long startIteration, long now) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double rate = (state.iteration - startIteration) / seconds;
    long left = config.iterations() - state.iteration;
    return new Progress(
        state.iteration,
        config.iterations(),
        1,
        state.smoothedLoss,
        state.step,
        Double.NaN,
        List.of(),
        Duration.ofNanos(now - startNanos),
        rate > 0 ? Duration.ofMillis((long) (1000 * left / rate)) : null);
  }

  private String lowerLr() {
    return "lower --lr (it is " + config.learningRate() + "; the course uses 0.3)";
  }

  /** Everything that changes during training, besides the matrices. */
  private static final class State {
    // Where the context generator starts; contextState is its state after the last batch trained.
    Xoshiro256PlusPlus contextRandom;
    long[] contextState;
    Xoshiro256PlusPlus lossRandom;
    // The loss generator's state after the last batch trained, wherever its draws are made.
    Supplier<long[]> lossState;
    long iteration;
    double step;
    double smoothedLoss = Double.NaN;

    State(Cs224nConfig config) {
      contextRandom = new Xoshiro256PlusPlus(config.seed() ^ CONTEXT_STREAM);
      contextState = contextRandom.state();
      lossRandom = new Xoshiro256PlusPlus(config.seed() ^ LOSS_STREAM);
      lossState = lossRandom::state;
      step = config.learningRate();
    }

    /**
     * The state with the live matrices: valid until training goes on, which it does not while a
     * checkpoint is written from this thread.
     */
    Checkpoint snapshot(Fingerprint fingerprint, float[] input, float[] output, float[][] extras) {
      List<float[]> matrices = new java.util.ArrayList<>(List.of(input, output));
      matrices.addAll(List.of(extras));
      return new Checkpoint(
          fingerprint.text(),
          iteration,
          step,
          smoothedLoss,
          List.of(contextState.clone(), lossState.get()),
          matrices,
          List.of());
    }

    void restore(Checkpoint checkpoint, float[] input, float[] output, float[][] extras) {
      List<float[]> m = checkpoint.matrices();
      if (m.size() != 2 + extras.length
          || m.get(0).length != input.length
          || m.get(1).length != output.length
          || checkpoint.randomStates().size() != 2) {
        throw new W2vException(
            "the checkpoint's matrices do not fit this corpus and loss; resume with the same"
                + " corpus and loss");
      }
      System.arraycopy(m.get(0), 0, input, 0, input.length);
      System.arraycopy(m.get(1), 0, output, 0, output.length);
      for (int b = 0; b < extras.length; b++) {
        if (m.get(2 + b).length != extras[b].length) {
          throw new W2vException("the checkpoint's loss parameters do not fit this loss");
        }
        System.arraycopy(m.get(2 + b), 0, extras[b], 0, extras[b].length);
      }
      contextRandom = Xoshiro256PlusPlus.fromState(checkpoint.randomStates().get(0));
      contextState = contextRandom.state();
      lossRandom = Xoshiro256PlusPlus.fromState(checkpoint.randomStates().get(1));
      lossState = lossRandom::state;
      iteration = checkpoint.position();
      step = checkpoint.learningRate();
      smoothedLoss = checkpoint.loss();
    }
  }
}
