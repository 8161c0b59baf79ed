package dev.w2v.api;

/**
 * Creates a {@link Sampler}; found by {@link java.util.ServiceLoader} through {@code
 * META-INF/services/dev.w2v.api.SamplerProvider}. Needs a public no-argument constructor.
 */
public interface SamplerProvider extends Plugin {

  /**
   * Creates a sampler over the vocabulary described by {@code counts}.
   *
   * @throws IllegalArgumentException with a message a user can act on if the counts do not suit
   *     this sampler
   */
  Sampler create(WordCounts counts, Parameters parameters);
}
