package dev.w2v.runner;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import dev.w2v.core.plugin.ConfiguredLoss;
import dev.w2v.core.train.TrainerProvider;
import dev.w2v.core.train.Trainers;
import dev.w2v.runner.config.Configuration;
import dev.w2v.runner.config.RunnerSettings;
import dev.w2v.runner.plugins.Plugins;
import java.io.PrintWriter;

/**
 * The object graph of a command: plugins found in the plugin folders, the trainers on the class
 * path, the configuration checked against both, and the loss, sampler and trainer it names.
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
  Trainers trainers() {
    return Trainers.load();
  }

  @Provides
  @Singleton
  Configuration configuration(Plugins plugins, Trainers trainers) {
    return options.load(plugins.all(), trainers);
  }

  @Provides
  @Singleton
  TrainerProvider trainer(Trainers trainers, Configuration configuration) {
    return trainers.get(RunnerSettings.TRAINER.stringValue(configuration));
  }

  @Provides
  @Singleton
  ConfiguredLoss configuredLoss(Plugins plugins, Configuration configuration) {
    return plugins.configuredLoss(
        RunnerSettings.LOSS.stringValue(configuration),
        RunnerSettings.SAMPLER.stringValue(configuration),
        configuration);
  }
}
