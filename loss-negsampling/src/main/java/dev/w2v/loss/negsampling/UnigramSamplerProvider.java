package dev.w2v.loss.negsampling;

import dev.w2v.api.ParameterSpec;
import dev.w2v.api.Parameters;
import dev.w2v.api.Sampler;
import dev.w2v.api.SamplerProvider;
import dev.w2v.api.WordCounts;
import java.util.List;

/** Provides the {@code unigram} sampler: P(w) proportional to count(w)^power. */
public final class UnigramSamplerProvider implements SamplerProvider {

  @Override
  public String name() {
    return "unigram";
  }

  @Override
  public String description() {
    return "words drawn with probability proportional to count^power (alias table, O(1) per draw)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.real(
            "power", 0.75, "exponent applied to word counts (0.75 as in CS224n and word2vec C)"));
  }

  @Override
  public Sampler create(WordCounts counts, Parameters parameters) {
    double power = parameters.getDouble("power");
    if (!(power >= 0) || Double.isInfinite(power)) {
      throw new IllegalArgumentException(
          "unigram.power must be a finite number >= 0, was " + power);
    }
    return new UnigramSampler(counts, power);
  }
}
