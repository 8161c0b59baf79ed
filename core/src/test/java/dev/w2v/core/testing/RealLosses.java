package dev.w2v.core.testing;

import dev.w2v.api.Loss;
import dev.w2v.api.LossProvider;
import dev.w2v.api.SamplerProvider;
import dev.w2v.api.WordCounts;
import dev.w2v.core.plugin.ConfiguredLoss;
import dev.w2v.core.plugin.ProviderRegistry;
import java.util.Map;

/**
 * The real loss and sampler plugins, found through ServiceLoader on the test class path exactly as
 * the command line finds them, so that core's tests train with the shipped losses instead of copies
 * of them.
 */
public final class RealLosses {

  private static final ProviderRegistry<LossProvider> LOSSES =
      ProviderRegistry.load(LossProvider.class, "loss");
  private static final ProviderRegistry<SamplerProvider> SAMPLERS =
      ProviderRegistry.load(SamplerProvider.class, "sampler");

  private RealLosses() {}

  /** Negative sampling with {@code k} negatives from the unigram sampler (power 0.75). */
  public static ConfiguredLoss negativeSampling(int k) {
    return factory("negsampling", Map.of("k", k));
  }

  /** The naive softmax. */
  public static ConfiguredLoss softmax() {
    return factory("softmax", Map.of());
  }

  /** The loss {@code name} with the given parameters and the unigram sampler. */
  public static ConfiguredLoss factory(String name, Map<String, ?> parameters) {
    return new ConfiguredLoss(LOSSES.get(name), parameters, SAMPLERS.get("unigram"), Map.of());
  }

  /** A softmax loss over {@code words} words of dimension {@code dim}, every count 1. */
  public static Loss softmax(int words, int dim) {
    long[] counts = new long[words];
    java.util.Arrays.fill(counts, 1);
    return softmax().create(WordCounts.of(counts), dim);
  }
}
