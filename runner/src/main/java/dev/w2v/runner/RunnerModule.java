package dev.w2v.runner;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import dev.w2v.api.LossProvider;
import dev.w2v.api.SamplerProvider;
import dev.w2v.runner.config.Configuration;
import dev.w2v.runner.plugins.ConfiguredLoss;
import dev.w2v.runner.plugins.Plugins;
import java.io.PrintWriter;

/**
 * The object graph of a command: plugins found in the plugin folders, the configuration checked
 * against their parameters, and the loss and sampler the configuration names.
 */
final class RunnerModule extends AbstractModule {

  /** Names the stream a {@link PrintWriter} is bound to: {@code "out"} or {@code "err"}. */
  static final String OUT = "out";

  static final String ERR = "err";

  private final ConfigOptions options;
  private final PrintWriter out;
  private final PrintWriter err;

  RunnerModule(ConfigOptions options, PrintWriter out, PrintWriter err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  @Override
  protected void configure() {
    bind(PrintWriter.class).annotatedWith(Names.named(OUT)).toInstance(out);
    bind(PrintWriter.class).annotatedWith(Names.named(ERR)).toInstance(err);
  }

  @Provides
  @Singleton
  Plugins plugins() {
    return PluginFolders.load(options.pluginFolders(), err);
  }

  @Provides
  @Singleton
  Configuration configuration(Plugins plugins) {
    return options.load(plugins.all());
  }

  @Provides
  @Singleton
  LossProvider lossProvider(Plugins plugins, Configuration configuration) {
    return plugins.losses().get(configuration.getString("loss"));
  }

  @Provides
  @Singleton
  SamplerProvider samplerProvider(Plugins plugins, Configuration configuration) {
    return plugins.samplers().get(configuration.getString("sampler"));
  }

  @Provides
  @Singleton
  ConfiguredLoss configuredLoss(Plugins plugins, Configuration configuration) {
    return new ConfiguredLoss(plugins, configuration);
  }
}
