package dev.w2v.loss.negsampling;

import dev.w2v.api.Sampler;
import java.util.random.RandomGenerator;

/** Draws every word with the same probability. */
final class UniformSampler implements Sampler {

  private final int size;

  UniformSampler(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("cannot sample from an empty vocabulary");
    }
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int sample(RandomGenerator random) {
    return random.nextInt(size);
  }

  @Override
  public double probability(int word) {
    return 1.0 / size;
  }
}
