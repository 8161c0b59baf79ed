package dev.w2v.core.plugin;

import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.Parameters;
import dev.w2v.api.Plugin;
import dev.w2v.api.Sampler;
import dev.w2v.api.SamplerProvider;
import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import dev.w2v.core.train.LossFactory;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A loss and a sampler chosen by name, with their parameters validated and completed with their
 * defaults: creates the loss once the vocabulary is known. A plugin's complaint about its
 * parameters or its context becomes a one-line error naming the plugin.
 */
public final class ConfiguredLoss implements LossFactory {

  /**
   * What a configured loss is made of, by name: enough to make it again where the providers are
   * looked up afresh (a Spark executor).
   *
   * @param loss the loss provider's name
   * @param lossParameters its parameters by name (validated values)
   * @param sampler the sampler provider's name
   * @param samplerParameters its parameters by name (validated values)
   */
  public record Recipe(
      String loss,
      Map<String, Object> lossParameters,
      String sampler,
      Map<String, Object> samplerParameters)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the maps, keeping their order. */
    public Recipe {
      lossParameters = new LinkedHashMap<>(lossParameters);
      samplerParameters = new LinkedHashMap<>(samplerParameters);
    }

    /** The configured loss these names stand for among {@code losses} and {@code samplers}. */
    public ConfiguredLoss resolve(
        ProviderRegistry<LossProvider> losses, ProviderRegistry<SamplerProvider> samplers) {
      LossProvider provider = losses.get(loss);
      return new ConfiguredLoss(
          provider,
          lossParameters,
          provider.usesSampler() ? samplers.get(sampler) : null,
          samplerParameters);
    }
  }

  private final LossProvider lossProvider;
  private final SamplerProvider samplerProvider;
  private final Parameters lossParameters;
  private final Parameters samplerParameters;

  /**
   * The loss of {@code lossProvider} with the sampler of {@code samplerProvider}.
   *
   * @param lossGiven the loss's parameters the user set (without the {@code name.} prefix)
   * @param samplerProvider the sampler; null (and ignored) for a loss that draws none
   * @param samplerGiven the sampler's parameters the user set
   * @throws W2vException naming the key when a parameter is unknown or of the wrong type
   */
  public ConfiguredLoss(
      LossProvider lossProvider,
      Map<String, ?> lossGiven,
      SamplerProvider samplerProvider,
      Map<String, ?> samplerGiven) {
    this.lossProvider = Objects.requireNonNull(lossProvider, "lossProvider");
    this.lossParameters = parameters(lossProvider, lossGiven);
    if (lossProvider.usesSampler()) {
      this.samplerProvider = Objects.requireNonNull(samplerProvider, "samplerProvider");
      this.samplerParameters = parameters(samplerProvider, samplerGiven);
    } else {
      // A loss that draws nothing gets no sampler, so a sampler that cannot serve it is no error.
      this.samplerProvider = null;
      this.samplerParameters = null;
    }
  }

  private static Parameters parameters(Plugin plugin, Map<String, ?> given) {
    try {
      return Parameters.resolve(plugin.name(), plugin.parameters(), given);
    } catch (IllegalArgumentException e) {
      throw new W2vException("configuration error: " + e.getMessage());
    }
  }

  /** The loss's provider. */
  public LossProvider lossProvider() {
    return lossProvider;
  }

  /** The sampler's provider, if the loss draws words. */
  public java.util.Optional<SamplerProvider> samplerProvider() {
    return java.util.Optional.ofNullable(samplerProvider);
  }

  /** The loss's parameters, defaults filled in. */
  public Parameters lossParameters() {
    return lossParameters;
  }

  /** The sampler's parameters, defaults filled in, if the loss draws words. */
  public java.util.Optional<Parameters> samplerParameters() {
    return java.util.Optional.ofNullable(samplerParameters);
  }

  /** The names and parameters, to make this loss again elsewhere. */
  public Recipe recipe() {
    return new Recipe(
        lossProvider.name(),
        lossParameters.asMap(),
        samplerProvider == null ? "" : samplerProvider.name(),
        samplerParameters == null ? Map.of() : samplerParameters.asMap());
  }

  @Override
  public String lossName() {
    return lossProvider.name();
  }

  @Override
  public String description() {
    return lossProvider.name()
        + lossParameters.asMap()
        + (samplerProvider == null ? "" : " " + samplerProvider.name() + samplerParameters.asMap());
  }

  /** Creates the sampler, then the loss, for this vocabulary and dimension. */
  @Override
  public Loss create(WordCounts counts, int dimension) {
    return create(counts, dimension, UnaryOperator.identity());
  }

  /** As {@link #create(WordCounts, int)}, the loss seeing the sampler through {@code view}. */
  @Override
  public Loss create(WordCounts counts, int dimension, UnaryOperator<Sampler> view) {
    Sampler sampler = null;
    try {
      if (samplerProvider != null) {
        sampler = samplerProvider.create(counts, samplerParameters);
      }
    } catch (RuntimeException e) {
      throw new W2vException(
          "sampler '" + samplerProvider.name() + "' could not be created: " + e.getMessage(), e);
    }
    if (sampler != null) {
      sampler = view.apply(sampler);
    }
    try {
      return lossProvider.create(new LossContext(counts, dimension, lossParameters, sampler));
    } catch (RuntimeException e) {
      throw new W2vException(
          "loss '" + lossProvider.name() + "' could not be created: " + e.getMessage(), e);
    }
  }
}
