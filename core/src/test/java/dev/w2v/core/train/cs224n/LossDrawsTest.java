package dev.w2v.core.train.cs224n;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.Sampler;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Draws made ahead and replayed are exactly those of the plain generator and sampler, whatever the
 * loss does with its generator, and the state handed to a checkpoint is the plain generator's.
 */
class LossDrawsTest {

  /**
   * Draws a word in [0, 50) taking a varying number of longs: one usually, a second for a fifth of
   * the words, and 100 (more than a draw ahead may take) for one draw in 200.
   */
  static final class VaryingSampler implements Sampler {
    int longDraws;

    @Override
    public int size() {
      return 50;
    }

    @Override
    public int sample(RandomGenerator random) {
      int word = random.nextInt(50);
      if (word < 10) {
        word = (word + (int) (random.nextDouble() * 40)) % 50;
      }
      if (Long.remainderUnsigned(random.nextLong(), 200) == 0) {
        longDraws++;
        long sum = 0;
        for (int i = 0; i < 100; i++) {
          sum += random.nextLong();
        }
        word = (int) Long.remainderUnsigned(sum, 50);
      }
      return word;
    }

    @Override
    public double probability(int word) {
      return 1.0 / 50; // not what it draws; unused here
    }
  }

  /**
   * What a loss might do with its generator between draws, chosen by {@code op}: draw through the
   * sampler (most often) or use the generator directly in its various ways.
   */
  private static long use(int op, Sampler sampler, RandomGenerator random) {
    switch (op % 8) {
      case 0:
        return random.nextLong();
      case 1:
        return Double.doubleToLongBits(random.nextDouble());
      case 2:
        return random.nextInt(7);
      case 3:
        return random.nextBoolean() ? 1 : 0;
      case 4:
        return Double.doubleToLongBits(random.nextGaussian());
      default:
        return sampler.sample(random);
    }
  }

  private static int op(long i) {
    return (int) ((i * 2654435761L) >>> 7) & 0xFF;
  }

  @Test
  void aLossSeesExactlyThePlainGeneratorsValuesAndCheckpointsItsState() {
    VaryingSampler referenceSampler = new VaryingSampler();
    Xoshiro256PlusPlus reference = new Xoshiro256PlusPlus(3);
    LossDraws.Tap tap = new LossDraws.Tap();
    Sampler view = tap.apply(new VaryingSampler());
    try (AheadThread thread = new AheadThread()) {
      LossDraws draws = new LossDraws(thread, new Xoshiro256PlusPlus(3), tap);
      thread.start();
      RandomGenerator replay = draws.random();
      assertArrayEquals(reference.state(), draws.state(), "before any draw");
      long call = 0;
      // Batches of many sizes, the last larger than the ring, which the thread must not wait on.
      int[] batches = {1, 7, 300, 5000, 12_000, 3, 20_000, 2 * LossDraws.SIZE};
      for (int b = 0; b < batches.length; b++) {
        for (int i = 0; i < batches[b]; i++, call++) {
          long expected = use(op(call), referenceSampler, reference);
          long actual = use(op(call), view, replay);
          if (expected != actual) {
            assertEquals(expected, actual, "call " + call + " (op " + op(call) % 8 + ")");
          }
        }
        draws.release();
        assertArrayEquals(reference.state(), draws.state(), "after batch " + b);
      }
    }
    assertTrue(referenceSampler.longDraws > 10, "long draws: " + referenceSampler.longDraws);
  }

  @Test
  void anotherGeneratorDrawsFromTheSamplerItself() {
    LossDraws.Tap tap = new LossDraws.Tap();
    Sampler view = tap.apply(new VaryingSampler());
    try (AheadThread thread = new AheadThread()) {
      new LossDraws(thread, new Xoshiro256PlusPlus(3), tap);
      thread.start();
      Xoshiro256PlusPlus a = new Xoshiro256PlusPlus(8);
      Xoshiro256PlusPlus b = new Xoshiro256PlusPlus(8);
      VaryingSampler plain = new VaryingSampler();
      for (int i = 0; i < 1000; i++) {
        assertEquals(plain.sample(a), view.sample(b));
      }
    }
  }

  /** Fails for one start position in a thousand, by the generator's values alone. */
  static class FailingSampler implements Sampler {
    @Override
    public int size() {
      return 10;
    }

    @Override
    public int sample(RandomGenerator random) {
      long bits = random.nextLong();
      if (Long.remainderUnsigned(bits, 1000) == 0) {
        throw new IllegalStateException("no word for " + bits);
      }
      return (int) Long.remainderUnsigned(bits, 10);
    }

    @Override
    public double probability(int word) {
      return 0.1;
    }
  }

  @Test
  void aFailingDrawFailsWhereTheLossAsksForIt() {
    Xoshiro256PlusPlus reference = new Xoshiro256PlusPlus(4);
    Sampler plain = new FailingSampler();
    int failsAt = -1;
    String message = null;
    for (int i = 0; i < 100_000 && failsAt < 0; i++) {
      try {
        plain.sample(reference);
      } catch (IllegalStateException e) {
        failsAt = i;
        message = e.getMessage();
      }
    }
    assertTrue(failsAt > 0, "the sampler should fail somewhere");
    LossDraws.Tap tap = new LossDraws.Tap();
    Sampler view = tap.apply(new FailingSampler());
    try (AheadThread thread = new AheadThread()) {
      LossDraws draws = new LossDraws(thread, new Xoshiro256PlusPlus(4), tap);
      thread.start();
      RandomGenerator replay = draws.random();
      for (int i = 0; i < failsAt; i++) {
        view.sample(replay);
      }
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> view.sample(replay));
      assertEquals(message, e.getMessage());
    }
  }

  @Test
  void anErrorOnTheThreadReachesTheTrainingThread() {
    AssertionError broken = new AssertionError("broken sampler");
    Sampler failing =
        new FailingSampler() {
          @Override
          public int sample(RandomGenerator random) {
            throw broken;
          }
        };
    LossDraws.Tap tap = new LossDraws.Tap();
    Sampler view = tap.apply(failing);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          try (AheadThread thread = new AheadThread()) {
            LossDraws draws = new LossDraws(thread, new Xoshiro256PlusPlus(4), tap);
            thread.start();
            IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> view.sample(draws.random()));
            assertSame(broken, e.getCause());
          }
        });
    assertFalse(
        Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.getName().equals("w2v-ahead") && t.isAlive()),
        "the thread outlived close()");
  }
}
