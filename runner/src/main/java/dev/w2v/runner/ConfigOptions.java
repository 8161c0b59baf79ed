package dev.w2v.runner;

import dev.w2v.api.Plugin;
import dev.w2v.core.train.Trainers;
import dev.w2v.runner.config.Configuration;
import dev.w2v.runner.config.ConfigurationLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration options shared by the commands that train or build a loss. */
final class ConfigOptions {

  @Option(names = "--config", paramLabel = "FILE", description = "A HOCON configuration file.")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Set any configuration key, e.g. --set negsampling.k=5 (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--trainer",
      description =
          "Trainer: cs224n (the course, for learning) or fast (word2vec C, multi-threaded).")
  String trainer;

  @Option(names = "--loss", description = "Loss provider by name (see `w2v plugins`).")
  String loss;

  @Option(names = "--sampler", description = "Sampler of negatives by name.")
  String sampler;

  @Option(
      names = "--corpus",
      paramLabel = "PATH",
      description =
          "Corpus: files or folders of text (SST detected, .gz read, - for stdin), comma-separated.")
  String corpus;

  @Option(names = "--dim", description = "Vector dimension.")
  Integer dim;

  @Option(names = "--window", description = "Context window C.")
  Integer window;

  @Option(names = "--iterations", description = "SGD iterations (cs224n).")
  Integer iterations;

  @Option(names = "--lr", description = "Initial learning rate (step size).")
  Double lr;

  @Option(names = "--seed", description = "Seed of every random generator.")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder.")
  String out;

  @Option(
      names = "--plugin-path",
      paramLabel = "DIR",
      description = "A folder of plugin jars, besides ./plugins (repeatable).")
  List<Path> pluginPath = new ArrayList<>();

  Map<String, Object> flags() {
    Map<String, Object> flags = new LinkedHashMap<>();
    put(flags, "trainer", trainer);
    put(flags, "loss", loss);
    put(flags, "sampler", sampler);
    put(flags, "corpus", corpus);
    put(flags, "dim", dim);
    put(flags, "window", window);
    put(flags, "iterations", iterations);
    put(flags, "lr", lr);
    put(flags, "seed", seed);
    put(flags, "out", out);
    return flags;
  }

  private static void put(Map<String, Object> flags, String key, Object value) {
    if (value != null) {
      flags.put(key, value);
    }
  }

  /** The plugin folders of --plugin-path and of the configuration's plugin-path key. */
  List<Path> pluginFolders() {
    List<Path> folders = new ArrayList<>(pluginPath);
    folders.addAll(ConfigurationLoader.pluginPath(config, sets));
    return folders;
  }

  Configuration load(Collection<? extends Plugin> plugins, Trainers trainers) {
    return ConfigurationLoader.load(config, sets, flags(), plugins, trainers);
  }
}
