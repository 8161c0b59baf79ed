package dev.w2v.core.random;

/**
 * The xoshiro256++ generator (Blackman and Vigna), chosen because its whole state is four longs
 * that a checkpoint can save and restore, which the JDK's generators do not expose. Not
 * thread-safe: each training thread owns one.
 */
public final class Xoshiro256PlusPlus extends LongSequenceGenerator {

  private long s0;
  private long s1;
  private long s2;
  private long s3;

  /**
   * A generator whose state is expanded from {@code seed} with SplitMix64, as the authors advise.
   */
  public Xoshiro256PlusPlus(long seed) {
    long x = seed;
    x += 0x9E3779B97F4A7C15L;
    s0 = mix(x);
    x += 0x9E3779B97F4A7C15L;
    s1 = mix(x);
    x += 0x9E3779B97F4A7C15L;
    s2 = mix(x);
    x += 0x9E3779B97F4A7C15L;
    s3 = mix(x);
  }

  private Xoshiro256PlusPlus(long[] state) {
    if (state.length != 4) {
      throw new IllegalArgumentException("xoshiro256++ state is 4 longs, got " + state.length);
    }
    if ((state[0] | state[1] | state[2] | state[3]) == 0) {
      throw new IllegalArgumentException("xoshiro256++ state must not be all zero");
    }
    s0 = state[0];
    s1 = state[1];
    s2 = state[2];
    s3 = state[3];
  }

  /** A generator that continues exactly where the one whose {@link #state()} this is stopped. */
  public static Xoshiro256PlusPlus fromState(long[] state) {
    return new Xoshiro256PlusPlus(state);
  }

  /** A copy of the current state, for a checkpoint. */
  public long[] state() {
    return new long[] {s0, s1, s2, s3};
  }

  /**
   * Writes the current state into {@code target[0..3]}, as {@link #state()} without a new array.
   */
  public void copyStateTo(long[] target) {
    target[0] = s0;
    target[1] = s1;
    target[2] = s2;
    target[3] = s3;
  }

  /** An independent copy at the same state. */
  public Xoshiro256PlusPlus copy() {
    return new Xoshiro256PlusPlus(state());
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public long nextLong() {
    long result = Long.rotateLeft(s0 + s3, 23) + s0;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }
}
