package dev.w2v.core.fast;

import java.util.random.RandomGenerator;

/** word2vec C's shrunk window: each center word looks at a random number of neighbours. */
public final class ContextWindow {

  private ContextWindow() {}

  /**
   * The reach for one center word: {@code window - b} with {@code b} uniform in {@code [0,
   * window)}, so uniform in {@code 1..window}. Nearer words are thereby weighted more.
   */
  public static int reach(int window, RandomGenerator random) {
    return window - random.nextInt(window);
  }
}
