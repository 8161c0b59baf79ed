package dev.w2v.core.random;

import java.util.random.RandomGenerator;

/**
 * A generator wholly defined by its sequence of longs: every other draw is derived from {@link
 * #nextLong()} here, in one place. Two generators of this kind that return the same longs therefore
 * return the same ints, doubles, floats and bounded draws, which is what lets training replay a
 * generator's draws made ahead on another thread and stay bit for bit the same.
 */
public abstract class LongSequenceGenerator implements RandomGenerator {

  @Override
  public abstract long nextLong();

  @Override
  public final int nextInt() {
    return (int) (nextLong() >>> 32);
  }

  /** Uniform in [0, bound) by Lemire's multiply-and-reject method: unbiased, usually one draw. */
  @Override
  public final int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, was " + bound);
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  @Override
  public final double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  @Override
  public final float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }
}
