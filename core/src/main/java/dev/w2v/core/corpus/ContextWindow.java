package dev.w2v.core.corpus;

import java.util.random.RandomGenerator;

/**
 * The shrunk window of word2vec C and CS224n: each center word looks at a random number of
 * neighbours on each side, uniform in {@code 1..window}, so that nearer words weigh more.
 */
public final class ContextWindow {

  private ContextWindow() {}

  /**
   * The reach for one center word: {@code window - b} with {@code b} uniform in {@code [0,
   * window)}.
   */
  public static int reach(int window, RandomGenerator random) {
    return window - random.nextInt(window);
  }
}
