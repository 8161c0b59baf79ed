package dev.w2v.loss.negsampling;

import dev.w2v.api.Sampler;
import dev.w2v.api.WordCounts;
import java.util.random.RandomGenerator;

/** Draws word w with probability proportional to count(w)^power. */
final class UnigramSampler implements Sampler {

  private final AliasTable table;

  UnigramSampler(WordCounts counts, double power) {
    double[] weights = new double[counts.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Math.pow(counts.count(i), power);
    }
    table = new AliasTable(weights);
  }

  @Override
  public int size() {
    return table.size();
  }

  @Override
  public int sample(RandomGenerator random) {
    return table.sample(random);
  }

  @Override
  public double probability(int word) {
    return table.probability(word);
  }
}
