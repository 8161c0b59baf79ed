package dev.w2v.loss.negsampling;

import dev.w2v.api.ParameterSpec;
import dev.w2v.api.Parameters;
import dev.w2v.api.Sampler;
import dev.w2v.api.SamplerProvider;
import dev.w2v.api.WordCounts;
import java.util.List;

/** Provides the {@code uniform} sampler: every word equally likely. */
public final class UniformSamplerProvider implements SamplerProvider {

  @Override
  public String name() {
    return "uniform";
  }

  @Override
  public String description() {
    return "every word drawn with the same probability";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of();
  }

  @Override
  public Sampler create(WordCounts counts, Parameters parameters) {
    return new UniformSampler(counts.size());
  }
}
