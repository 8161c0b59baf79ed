package dev.w2v.runner.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import dev.w2v.api.ParameterSpec;
import dev.w2v.api.Plugin;
import dev.w2v.core.W2vException;
import dev.w2v.core.model.SavedModel;
import dev.w2v.core.query.SpellingSuggestions;
import dev.w2v.core.train.PipelineSettings;
import dev.w2v.core.train.Setting;
import dev.w2v.core.train.TrainerProvider;
import dev.w2v.core.train.Trainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the effective configuration from its layers, highest precedence first: first-class flags
 * ({@code --dim 50}), {@code --set key=value}, the {@code --config} file, then the defaults. The
 * defaults come from the declarations themselves ({@link RunnerSettings}, {@link PipelineSettings}
 * and the chosen trainer's {@link TrainerProvider#settings()} and {@link
 * TrainerProvider#defaults()}), so a trainer's keys, defaults and help text live in one place.
 * Every key a user sets must be known: a key of the run, or {@code <plugin>.<parameter>} of a
 * plugin on the class path.
 */
public final class ConfigurationLoader {

  private ConfigurationLoader() {}

  /**
   * The effective configuration.
   *
   * @param file the {@code --config} file, or null
   * @param sets the {@code --set key=value} pairs, in order
   * @param flags the first-class flags the user gave, by configuration key
   * @param plugins every loss and sampler provider found, for their parameter keys
   * @param trainers every trainer, for the {@code trainer} key and its defaults
   */
  public static Configuration load(
      Path file,
      List<String> sets,
      Map<String, Object> flags,
      Collection<? extends Plugin> plugins,
      Trainers trainers) {
    Config flagLayer = ConfigFactory.parseMap(flags, "command-line flags");
    Config setLayer = parseSets(sets);
    Config fileLayer = file == null ? ConfigFactory.empty() : parseFile(file);
    Config user = flagLayer.withFallback(setLayer).withFallback(fileLayer);
    String name =
        user.hasPath(RunnerSettings.TRAINER.key())
            ? new Configuration(user).getString(RunnerSettings.TRAINER.key())
            : (String) RunnerSettings.TRAINER.defaultValue();
    TrainerProvider trainer = trainers.get(name);
    Map<String, Plugin> byName = new LinkedHashMap<>();
    for (Plugin p : plugins) {
      byName.putIfAbsent(p.name(), p);
    }
    checkKeys(user, trainer, trainers, byName);
    Config effective;
    try {
      effective =
          user.withFallback(startingModelDefaults(user, trainer))
              .withFallback(defaults(trainer, byName))
              .resolve();
    } catch (ConfigException e) {
      throw new W2vException("configuration error: " + e.getMessage());
    }
    return new Configuration(effective);
  }

  /** Every key a run of {@code trainer} reads, with the trainer's defaults. */
  public static List<Setting> keys(TrainerProvider trainer) {
    Map<String, Object> overrides = trainer.defaults();
    List<Setting> keys = new ArrayList<>();
    for (Setting s : shared()) {
      keys.add(overrides.containsKey(s.key()) ? s.withDefault(overrides.get(s.key())) : s);
    }
    keys.addAll(trainer.settings());
    return keys;
  }

  private static List<Setting> shared() {
    List<Setting> shared = new ArrayList<>(RunnerSettings.ALL);
    shared.addAll(PipelineSettings.ALL);
    return shared;
  }

  private static Config defaults(TrainerProvider trainer, Map<String, Plugin> plugins) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Setting s : keys(trainer)) {
      values.put(s.key(), s.defaultValue());
    }
    values.putAll(PipelineSettings.pluginDefaults(trainer, plugins));
    return ConfigFactory.parseMap(values, "the defaults of trainer " + trainer.name());
  }

  /**
   * A continued run keeps its model's dimension, so the model's is the default of {@code dim}: the
   * user need not repeat it, and a different one set on purpose is refused by the trainer.
   */
  private static Config startingModelDefaults(Config user, TrainerProvider trainer) {
    String key = PipelineSettings.CONTINUE.key();
    if (!user.hasPath(key)
        || keys(trainer).stream().noneMatch(s -> s.key().equals("dim"))
        || user.hasPath("dim")) {
      return ConfigFactory.empty();
    }
    String path = new Configuration(user).getString(key).trim();
    if (path.isEmpty()) {
      return ConfigFactory.empty();
    }
    return ConfigFactory.parseMap(
        Map.of("dim", SavedModel.dimensionOf(Path.of(path))), "the model continued from");
  }

  /**
   * The {@code plugin-path} folders the user set in {@code --set} or the configuration file. Read
   * before plugins load, because the full check of keys needs the plugins' parameter names.
   */
  public static List<Path> pluginPath(Path file, List<String> sets) {
    Config user =
        parseSets(sets).withFallback(file == null ? ConfigFactory.empty() : parseFile(file));
    if (!user.hasPath(RunnerSettings.PLUGIN_PATH.key())) {
      return List.of();
    }
    return new Configuration(user)
        .getStringList(RunnerSettings.PLUGIN_PATH.key()).stream().map(Path::of).toList();
  }

  /**
   * Every key with its default and meaning, the shared ones first, then each trainer's: the key
   * list of {@code w2v train --help}.
   */
  public static String describeKeys(Trainers trainers) {
    StringBuilder text = new StringBuilder();
    text.append("Configuration keys (--set KEY=VALUE, or a --config file), with their defaults:\n");
    text.append("\n  every trainer:\n");
    for (Setting s : shared()) {
      append(text, s, s.key().equals("trainer") ? "the trainer: " + names(trainers) : null);
    }
    for (TrainerProvider trainer : trainers.all()) {
      text.append("\n  trainer = ")
          .append(trainer.name())
          .append(": ")
          .append(trainer.description())
          .append('\n');
      for (Setting s : trainer.settings()) {
        append(text, s, null);
      }
      trainer
          .defaults()
          .forEach(
              (key, value) ->
                  text.append(
                      String.format(
                          "    %-18s %-10s %s%n", key, value, "(this trainer's default)")));
    }
    text.append(
        "\nPlugin parameters are <plugin>.<parameter>; `w2v plugins` lists them with their"
            + " defaults.\n");
    return text.toString();
  }

  private static String names(Trainers trainers) {
    return String.join(", ", trainers.all().stream().map(TrainerProvider::name).toList());
  }

  private static void append(StringBuilder text, Setting s, String description) {
    Object raw = s.defaultValue();
    String value =
        raw instanceof List<?> list
            ? list.size() > 3 ? "[" + list.size() + " words]" : list.toString()
            : String.valueOf(raw);
    text.append(
        String.format(
            "    %-18s %-10s %s%n",
            s.key(),
            value.isEmpty() ? "\"\"" : value,
            description != null ? description : s.description()));
  }

  private static void checkKeys(
      Config user, TrainerProvider trainer, Trainers trainers, Map<String, Plugin> plugins) {
    Set<String> known = new TreeSet<>();
    keys(trainer).forEach(s -> known.add(s.key()));
    for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
      String key = entry.getKey();
      String where = describe(entry.getValue());
      int dot = key.indexOf('.');
      if (dot > 0) {
        String pluginName = key.substring(0, dot);
        String parameter = key.substring(dot + 1);
        Plugin plugin = plugins.get(pluginName);
        if (plugin == null) {
          throw new W2vException(
              "unknown configuration key '"
                  + key
                  + "'"
                  + where
                  + ": no loss or sampler is named '"
                  + pluginName
                  + "' (see `w2v plugins`)");
        }
        List<String> accepted = plugin.parameters().stream().map(ParameterSpec::name).toList();
        if (accepted.contains(parameter)) {
          continue;
        }
        throw new W2vException(
            "unknown configuration key '"
                + key
                + "'"
                + where
                + ": "
                + pluginName
                + (accepted.isEmpty()
                    ? " takes no parameters"
                    : " accepts " + String.join(", ", accepted)));
      }
      if (known.contains(key)) {
        continue;
      }
      for (TrainerProvider other : trainers.all()) {
        if (other != trainer && other.settings().stream().anyMatch(s -> s.key().equals(key))) {
          throw new W2vException(
              "configuration key '"
                  + key
                  + "'"
                  + where
                  + " belongs to trainer '"
                  + other.name()
                  + "', but the trainer is '"
                  + trainer.name()
                  + "'");
        }
      }
      throw new W2vException(
          "unknown configuration key '" + key + "'" + where + suggestion(key, known));
    }
  }

  private static String suggestion(String key, Set<String> known) {
    return known.stream()
        .min(Comparator.comparingInt(k -> SpellingSuggestions.distance(key, k)))
        .filter(k -> SpellingSuggestions.distance(key, k) <= Math.max(2, key.length() / 3))
        .map(k -> "; did you mean '" + k + "'?")
        .orElse("; see `w2v train --help` for the keys");
  }

  private static String describe(ConfigValue value) {
    String d = value.origin().description();
    return d == null ? "" : " (" + d.replaceAll(": \\d+$", "") + ")";
  }

  private static Config parseSets(List<String> sets) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new W2vException(
            "--set expects key=value, for example --set negsampling.k=5; got '" + set + "'");
      }
      values.put(set.substring(0, eq).trim(), set.substring(eq + 1).trim());
    }
    try {
      return ConfigFactory.parseMap(values, "--set");
    } catch (ConfigException e) {
      throw new W2vException("--set: " + e.getMessage());
    }
  }

  private static Config parseFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new W2vException(
          "configuration file " + file + " does not exist; check the --config path");
    }
    try {
      return ConfigFactory.parseFile(
          file.toFile(),
          ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
    } catch (ConfigException e) {
      throw new W2vException("cannot read configuration file " + file + ": " + e.getMessage());
    }
  }
}
