package dev.w2v.core.train.fast;

import dev.w2v.core.corpus.ContextWindow;
import java.util.random.RandomGenerator;

/** Every (input, target) pair of a sentence through {@link WordStep}, one loss call per pair. */
final class PairSentenceStep implements SentenceStep {

  private final WordStep step;
  private final RandomGenerator random;

  PairSentenceStep(WordStep step) {
    this.step = step;
    this.random = step.random();
  }

  @Override
  public void trainSentence(int[] sentence, int length, int window, float lr) {
    for (int p = 0; p < length; p++) {
      step.train(sentence, length, p, ContextWindow.reach(window, random), lr);
    }
  }

  @Override
  public long pairs() {
    return step.pairs();
  }

  @Override
  public double lossSum() {
    return step.lossSum();
  }

  @Override
  public void restoreCounters(long pairs, double lossSum) {
    step.restoreCounters(pairs, lossSum);
  }
}
