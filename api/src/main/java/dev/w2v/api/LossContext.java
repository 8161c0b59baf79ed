package dev.w2v.api;

import java.util.Objects;

/**
 * Everything a {@link LossProvider} receives to build a loss.
 *
 * @param counts the vocabulary's word counts, indexed by word
 * @param dimension the vector dimension d, at least 1
 * @param parameters this loss's parameters, validated against {@link Plugin#parameters()} and
 *     completed with defaults
 * @param sampler the configured sampler, for losses that draw negatives; null for a loss whose
 *     provider says it draws none ({@link LossProvider#usesSampler()})
 */
public record LossContext(
    WordCounts counts, int dimension, Parameters parameters, Sampler sampler) {

  /** Checks that every component is present and the dimension is positive. */
  public LossContext {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(parameters, "parameters");
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1, was " + dimension);
    }
  }

  /** A context without a sampler, for a loss that draws nothing. */
  public LossContext(WordCounts counts, int dimension, Parameters parameters) {
    this(counts, dimension, parameters, null);
  }

  /**
   * The configured sampler.
   *
   * @throws IllegalStateException if the provider declared that its loss draws none
   */
  @Override
  public Sampler sampler() {
    if (sampler == null) {
      throw new IllegalStateException(
          "this loss was given no sampler: its provider's usesSampler() says it draws none");
    }
    return sampler;
  }
}
