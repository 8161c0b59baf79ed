package dev.w2v.core.train.fast;

import dev.w2v.api.Loss;
import dev.w2v.api.VectorMath;
import java.util.random.RandomGenerator;

/**
 * One thread's training step for one center word of a sentence, skip-gram or CBOW, through any
 * {@link Loss}. Holds the thread's buffers (hidden vector, gradient, scratch), allocated once:
 * {@link #train} allocates nothing. Not thread-safe; the matrices are shared Hogwild-style.
 */
public final class WordStep {

  private final boolean cbow;
  private final Loss loss;
  private final Loss.Scratch scratch;
  private final float[] inputs;
  private final int dimension;
  private final RandomGenerator random;
  private final ApplyingSink sink;
  private final float[] hidden;
  private long pairs;
  private double lossSum;

  /**
   * @param model skip-gram or CBOW
   * @param loss the shared loss; its output matrix is {@code outputs}
   * @param inputs the input vectors, V x d
   * @param outputs the output matrix, {@code loss.outputRows()} x d
   * @param random this thread's generator, for the window, the sub-sampling and the loss
   */
  public WordStep(Model model, Loss loss, float[] inputs, float[] outputs, RandomGenerator random) {
    this(model, loss, inputs, outputs, Loss.NO_EXTRAS, random);
  }

  /**
   * A step for a loss with parameters of its own.
   *
   * @param extras the loss's {@link Loss#extraParameters()}, one array per block, shared by the
   *     threads as the matrices are
   */
  public WordStep(
      Model model,
      Loss loss,
      float[] inputs,
      float[] outputs,
      float[][] extras,
      RandomGenerator random) {
    this.cbow = model == Model.CBOW;
    this.loss = loss;
    this.scratch = loss.newScratch();
    this.inputs = inputs;
    this.dimension = loss.dimension();
    this.random = random;
    this.sink = new ApplyingSink(outputs, extras, dimension);
    this.hidden = new float[dimension];
  }

  /**
   * Trains on the center word {@code sentence[position]} with the context {@code
   * sentence[position-reach .. position+reach]} (clipped to the sentence, center excluded), at
   * learning rate {@code lr}.
   */
  public void train(int[] sentence, int length, int position, int reach, float lr) {
    sink.learningRate(lr);
    int from = Math.max(0, position - reach);
    int to = Math.min(length - 1, position + reach);
    int center = sentence[position];
    int d = dimension;
    if (!cbow) {
      int inputRow = center * d;
      for (int c = from; c <= to; c++) {
        if (c == position) {
          continue;
        }
        lossSum +=
            loss.lossAndGradient(
                scratch,
                inputs,
                inputRow,
                sentence[c],
                sink.outputs(),
                sink.extras(),
                random,
                sink);
        VectorMath.axpy(-lr, sink.inputGradient, 0, inputs, inputRow, d);
        pairs++;
      }
      return;
    }
    int n = 0;
    VectorMath.zero(hidden, 0, d);
    for (int c = from; c <= to; c++) {
      if (c != position) {
        VectorMath.axpy(1f, inputs, sentence[c] * d, hidden, 0, d);
        n++;
      }
    }
    if (n == 0) {
      return;
    }
    float inverse = 1f / n;
    for (int j = 0; j < d; j++) {
      hidden[j] *= inverse;
    }
    lossSum +=
        loss.lossAndGradient(
            scratch, hidden, 0, center, sink.outputs(), sink.extras(), random, sink);
    pairs++;
    float step = cbowContextStep(lr);
    for (int c = from; c <= to; c++) {
      if (c != position) {
        VectorMath.axpy(step, sink.inputGradient, 0, inputs, sentence[c] * d, d);
      }
    }
  }

  /**
   * The step applied to each of a CBOW window's n context vectors, times dJ/dh. The input is their
   * mean, so the true gradient would be dJ/dh / n; word2vec C and gensim (cbow_mean=1) apply dJ/dh
   * undivided, and so does w2v: divided, CBOW trailed gensim by 0.12 WordSim-353 and 0.07 analogy
   * accuracy on the corpus of bench/peers.sh (bench/README.md, "CBOW's step").
   */
  static float cbowContextStep(float lr) {
    return -lr;
  }

  /** Continues the pair and loss counters of a run resumed from a checkpoint. */
  public void restoreCounters(long pairs, double lossSum) {
    this.pairs = pairs;
    this.lossSum = lossSum;
  }

  /** This step's generator, which the caller also uses for sub-sampling and the window. */
  public RandomGenerator random() {
    return random;
  }

  /**
   * (input, target) pairs evaluated so far: one per context word for skip-gram, one per center word
   * for CBOW.
   */
  public long pairs() {
    return pairs;
  }

  /** The sum of the losses of those pairs. */
  public double lossSum() {
    return lossSum;
  }
}
