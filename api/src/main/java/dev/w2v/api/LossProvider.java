package dev.w2v.api;

/**
 * Creates a {@link Loss}; found by {@link java.util.ServiceLoader} through {@code
 * META-INF/services/dev.w2v.api.LossProvider}. Needs a public no-argument constructor.
 */
public interface LossProvider extends Plugin {

  /**
   * Creates a loss for the given vocabulary, dimension, parameters and sampler.
   *
   * @throws IllegalArgumentException with a message a user can act on if the context does not suit
   *     this loss (for example a vocabulary too small to draw a negative from)
   */
  Loss create(LossContext context);

  /**
   * Whether the loss draws words from the configured sampler (negative sampling does; a softmax or
   * a hierarchical softmax does not). A loss that draws none gets no sampler in its context, and no
   * {@code --sampler} need exist for it. True by default, as every API 1.0 loss assumed.
   *
   * @since API 1.1
   */
  default boolean usesSampler() {
    return true;
  }
}
