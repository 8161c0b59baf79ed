package dev.w2v.runner.plugins;

import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.Parameters;
import dev.w2v.api.Sampler;
import dev.w2v.api.SamplerProvider;
import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import dev.w2v.runner.config.Configuration;
import java.util.Map;

/**
 * The loss and sampler the configuration names, with their parameters: creates the loss once the
 * vocabulary is known. A plugin's complaint about its parameters or context becomes a one-line
 * error naming the plugin.
 */
public final class ConfiguredLoss {

  private final LossProvider lossProvider;
  private final SamplerProvider samplerProvider;
  private final Parameters lossParameters;
  private final Parameters samplerParameters;

  public ConfiguredLoss(Plugins plugins, Configuration configuration) {
    this(
        plugins,
        configuration.getString("loss"),
        configuration.getString("sampler"),
        configuration);
  }

  /** The loss {@code loss} with the sampler {@code sampler}, parameters from the configuration. */
  public ConfiguredLoss(Plugins plugins, String loss, String sampler, Configuration configuration) {
    this.lossProvider = plugins.losses().get(loss);
    this.samplerProvider = plugins.samplers().get(sampler);
    this.lossParameters =
        parameters(lossProvider.name(), lossProvider, configuration.pluginParameters(loss));
    this.samplerParameters =
        parameters(
            samplerProvider.name(), samplerProvider, configuration.pluginParameters(sampler));
  }

  private static Parameters parameters(
      String name, dev.w2v.api.Plugin plugin, Map<String, Object> given) {
    try {
      return Parameters.resolve(name, plugin.parameters(), given);
    } catch (IllegalArgumentException e) {
      throw new W2vException("configuration error: " + e.getMessage());
    }
  }

  public LossProvider lossProvider() {
    return lossProvider;
  }

  public Parameters lossParameters() {
    return lossParameters;
  }

  public Parameters samplerParameters() {
    return samplerParameters;
  }

  /**
   * The loss and sampler with their parameters, e.g. {@code negsampling[k=10] unigram[power=0.75]}.
   */
  public String description() {
    return lossProvider.name()
        + lossParameters.asMap()
        + " "
        + samplerProvider.name()
        + samplerParameters.asMap();
  }

  /** Creates the sampler, then the loss, for this vocabulary and dimension. */
  public Loss create(WordCounts counts, int dimension) {
    Sampler sampler;
    try {
      sampler = samplerProvider.create(counts, samplerParameters);
    } catch (RuntimeException e) {
      throw new W2vException(
          "sampler '" + samplerProvider.name() + "' could not be created: " + e.getMessage(), e);
    }
    try {
      return lossProvider.create(new LossContext(counts, dimension, lossParameters, sampler));
    } catch (RuntimeException e) {
      throw new W2vException(
          "loss '" + lossProvider.name() + "' could not be created: " + e.getMessage(), e);
    }
  }
}
