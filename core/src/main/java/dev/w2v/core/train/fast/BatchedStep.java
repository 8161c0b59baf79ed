package dev.w2v.core.train.fast;

import dev.w2v.api.BatchedLoss;
import dev.w2v.api.Loss;
import dev.w2v.api.VectorMath;
import dev.w2v.core.corpus.ContextWindow;
import java.util.random.RandomGenerator;

/**
 * HogBatch's step (Ji et al. 2016): the pairs of a window go to the loss as one {@link BatchedLoss}
 * call, so that the rows it draws (negative sampling's negatives) are shared by the window and each
 * row fetched from memory serves all its inputs.
 *
 * <ul>
 *   <li>Skip-gram: for each center word, the input rows of its context words against the center
 *       word as their common target: word2vec C's and gensim's orientation (a context word's vector
 *       predicts the center), which is what lets the window share one target row and one set of
 *       negatives.
 *   <li>CBOW: {@link #CBOW_WINDOWS} consecutive windows at a time, each window's mean context
 *       vector against its own center word, the negatives shared by the windows.
 * </ul>
 *
 * Every gradient of a call is computed from the parameters as they were before it, and applied
 * after it (input rows) or as the loss reports it (output rows). Allocates nothing per sentence.
 * Not thread-safe; the matrices are shared Hogwild-style.
 */
public final class BatchedStep implements SentenceStep {

  /** CBOW windows per batched call. */
  static final int CBOW_WINDOWS = 4;

  private final boolean cbow;
  private final BatchedLoss loss;
  private final Loss.Scratch scratch;
  private final float[] inputs;
  private final float[] outputs;
  private final float[][] extras;
  private final int dimension;
  private final RandomGenerator random;
  private final ApplyingSink sink;

  /** Where each input of a call starts, and its target. */
  private final int[] offsets;

  private final int[] targets;

  /** dJ/d(input m) of the last call at [m*d, (m+1)*d). */
  private final float[] gradients;

  // CBOW only: the windows' mean context vectors and each window's center, reach and count.
  private final float[] hidden;
  private final int[] context;
  private final int[] centers;
  private final int[] reaches;
  private final float[] scale = new float[1];

  private long pairs;
  private double lossSum;
  private float lr;

  /**
   * @param model skip-gram or CBOW
   * @param loss the shared loss; its output matrix is {@code outputs}
   * @param inputs the input vectors, V x d
   * @param outputs the output matrix, {@code loss.outputRows()} x d
   * @param extras the loss's own parameters, one array per block
   * @param window the largest window, which sizes the batches
   * @param random this thread's generator, for the windows and the loss
   */
  public BatchedStep(
      Model model,
      BatchedLoss loss,
      float[] inputs,
      float[] outputs,
      float[][] extras,
      int window,
      RandomGenerator random) {
    this.cbow = model == Model.CBOW;
    this.loss = loss;
    this.inputs = inputs;
    this.outputs = outputs;
    this.extras = extras;
    this.dimension = loss.dimension();
    this.random = random;
    this.sink = new ApplyingSink(outputs, extras, dimension);
    int maxInputs = cbow ? CBOW_WINDOWS : 2 * window;
    this.scratch = loss.newScratch(maxInputs);
    this.offsets = new int[maxInputs];
    this.targets = new int[maxInputs];
    this.gradients = new float[maxInputs * dimension];
    this.hidden = new float[cbow ? maxInputs * dimension : 0];
    this.context = new int[cbow ? 2 * window : 0];
    this.centers = new int[cbow ? maxInputs : 0];
    this.reaches = new int[cbow ? maxInputs : 0];
  }

  @Override
  public void trainSentence(int[] sentence, int length, int window, float lr) {
    learningRate(lr);
    if (cbow) {
      cbow(sentence, length, window, lr);
    } else {
      skipGram(sentence, length, window);
    }
  }

  private void skipGram(int[] sentence, int length, int window) {
    for (int p = 0; p < length; p++) {
      trainCenter(sentence, length, p, ContextWindow.reach(window, random));
    }
  }

  /**
   * Skip-gram's batched call for the center word {@code sentence[position]}: the input rows of
   * {@code sentence[position-reach .. position+reach]} (clipped, center excluded) against it, at
   * the learning rate of the last {@link #trainSentence} (or {@link #learningRate}).
   */
  public void trainCenter(int[] sentence, int length, int position, int reach) {
    int d = dimension;
    int from = Math.max(0, position - reach);
    int to = Math.min(length - 1, position + reach);
    int center = sentence[position];
    int n = 0;
    for (int c = from; c <= to; c++) {
      if (c != position) {
        offsets[n] = sentence[c] * d;
        targets[n] = center;
        n++;
      }
    }
    if (n == 0) {
      return;
    }
    lossSum +=
        loss.batchLossAndGradient(
            scratch, inputs, offsets, targets, n, outputs, extras, random, gradients, sink);
    pairs += n;
    float step = -lr;
    for (int m = 0; m < n; m++) {
      VectorMath.axpy(step, gradients, m * d, inputs, offsets[m], d);
    }
  }

  /** Sets the learning rate for {@link #trainCenter}. */
  public void learningRate(float lr) {
    this.lr = lr;
    sink.learningRate(lr);
  }

  private void cbow(int[] sentence, int length, int window, float lr) {
    int d = dimension;
    for (int start = 0; start < length; start += CBOW_WINDOWS) {
      int end = Math.min(length, start + CBOW_WINDOWS);
      int count = 0;
      for (int p = start; p < end; p++) {
        int reach = ContextWindow.reach(window, random);
        int n = contextOf(sentence, length, p, reach);
        if (n == 0) {
          continue;
        }
        scale[0] = 1f / n;
        VectorMath.zero(hidden, count * d, d);
        VectorMath.combine(scale, 0, 0, n, inputs, context, hidden, count * d, d);
        offsets[count] = count * d;
        targets[count] = sentence[p];
        centers[count] = p;
        reaches[count] = reach;
        count++;
      }
      if (count == 0) {
        continue;
      }
      lossSum +=
          loss.batchLossAndGradient(
              scratch, hidden, offsets, targets, count, outputs, extras, random, gradients, sink);
      pairs += count;
      for (int i = 0; i < count; i++) {
        int n = contextOf(sentence, length, centers[i], reaches[i]);
        float step = WordStep.cbowContextStep(lr);
        for (int j = 0; j < n; j++) {
          VectorMath.axpy(step, gradients, i * d, inputs, context[j], d);
        }
      }
    }
  }

  /** Puts the input-row offsets of the context of {@code p} in {@link #context}; their count. */
  private int contextOf(int[] sentence, int length, int p, int reach) {
    int from = Math.max(0, p - reach);
    int to = Math.min(length - 1, p + reach);
    int n = 0;
    for (int c = from; c <= to; c++) {
      if (c != p) {
        context[n++] = sentence[c] * dimension;
      }
    }
    return n;
  }

  @Override
  public long pairs() {
    return pairs;
  }

  @Override
  public double lossSum() {
    return lossSum;
  }

  @Override
  public void restoreCounters(long pairs, double lossSum) {
    this.pairs = pairs;
    this.lossSum = lossSum;
  }
}
