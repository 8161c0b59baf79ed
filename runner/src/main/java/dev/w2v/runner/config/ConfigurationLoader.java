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
import dev.w2v.core.query.SpellingSuggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the effective configuration from its layers, highest precedence first: first-class flags
 * ({@code --dim 50}), {@code --set key=value}, the {@code --config} file, the chosen trainer's
 * defaults, then the defaults common to every trainer. Every key a user sets must be known: a
 * trainer key, or {@code <plugin>.<parameter>} of a plugin on the class path.
 */
public final class ConfigurationLoader {

  /** The trainers and the resource holding each one's defaults. */
  public static final List<String> TRAINERS = List.of("cs224n", "fast");

  private static final String COMMON = "dev/w2v/runner/common.conf";

  private ConfigurationLoader() {}

  /**
   * @param file the {@code --config} file, or null
   * @param sets the {@code --set key=value} pairs, in order
   * @param flags the first-class flags the user gave, by configuration key
   * @param plugins every loss and sampler provider found, for their parameter keys
   */
  public static Configuration load(
      Path file,
      List<String> sets,
      Map<String, Object> flags,
      Collection<? extends Plugin> plugins) {
    Config flagLayer = ConfigFactory.parseMap(flags, "command-line flags");
    Config setLayer = parseSets(sets);
    Config fileLayer = file == null ? ConfigFactory.empty() : parseFile(file);
    Config user = flagLayer.withFallback(setLayer).withFallback(fileLayer);
    Config common = resource(COMMON);

    String trainer = user.withFallback(common).getString("trainer");
    if (!TRAINERS.contains(trainer)) {
      throw new W2vException(
          "unknown trainer '" + trainer + "'; available: " + String.join(", ", TRAINERS));
    }
    Config trainerDefaults = resource("dev/w2v/runner/" + trainer + ".conf");
    checkKeys(user, common, trainer, trainerDefaults, plugins);
    Config effective;
    try {
      effective = user.withFallback(trainerDefaults).withFallback(common).resolve();
    } catch (ConfigException e) {
      throw new W2vException("configuration error: " + e.getMessage());
    }
    return new Configuration(effective);
  }

  /**
   * The {@code plugin-path} folders the user set in {@code --set} or the configuration file. Read
   * before plugins load, because the full check of keys needs the plugins' parameter names.
   */
  public static List<Path> pluginPath(Path file, List<String> sets) {
    Config user =
        parseSets(sets).withFallback(file == null ? ConfigFactory.empty() : parseFile(file));
    if (!user.hasPath("plugin-path")) {
      return List.of();
    }
    Configuration partial = new Configuration(user);
    return partial.getStringList("plugin-path").stream().map(Path::of).toList();
  }

  /**
   * Every key with its default and the comment of the defaults file, per trainer: the key list of
   * {@code w2v train --help}.
   */
  public static String describeKeys() {
    StringBuilder text = new StringBuilder();
    Config common = resource(COMMON);
    text.append("Configuration keys (--set KEY=VALUE, or a --config file), with their defaults:\n");
    append(text, common, "every trainer");
    for (String trainer : TRAINERS) {
      append(text, resource("dev/w2v/runner/" + trainer + ".conf"), "trainer = " + trainer);
    }
    text.append(
        "\nPlugin parameters are <plugin>.<parameter>; `w2v plugins` lists them with their defaults.\n");
    return text.toString();
  }

  private static void append(StringBuilder text, Config layer, String title) {
    text.append("\n  ").append(title).append(":\n");
    List<Map.Entry<String, ConfigValue>> entries = new java.util.ArrayList<>(layer.entrySet());
    entries.sort(Comparator.comparing(e -> e.getValue().origin().lineNumber()));
    for (Map.Entry<String, ConfigValue> e : entries) {
      Object raw = e.getValue().unwrapped();
      String value =
          raw instanceof List<?> list && list.size() > 3
              ? "[" + list.size() + " words]"
              : String.valueOf(raw);
      List<String> comments = e.getValue().origin().comments();
      String comment = comments.isEmpty() ? "" : comments.get(comments.size() - 1).trim();
      text.append(
          String.format(
              "    %-17s %-10s %s%n", e.getKey(), value.isEmpty() ? "\"\"" : value, comment));
    }
  }

  private static void checkKeys(
      Config user,
      Config common,
      String trainer,
      Config trainerDefaults,
      Collection<? extends Plugin> plugins) {
    Map<String, Plugin> byName = new LinkedHashMap<>();
    for (Plugin p : plugins) {
      byName.putIfAbsent(p.name(), p);
    }
    Set<String> known = new TreeSet<>();
    for (Config layer : List.of(common, trainerDefaults)) {
      // Plugin defaults such as negsampling.k are checked against the plugin, not listed here.
      layer.entrySet().stream()
          .map(Map.Entry::getKey)
          .filter(k -> !k.contains("."))
          .forEach(known::add);
    }
    for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
      String key = entry.getKey();
      String where = describe(entry.getValue());
      int dot = key.indexOf('.');
      if (dot > 0) {
        String pluginName = key.substring(0, dot);
        String parameter = key.substring(dot + 1);
        Plugin plugin = byName.get(pluginName);
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
        if (plugin.parameters().stream().map(ParameterSpec::name).anyMatch(parameter::equals)) {
          continue;
        }
        List<String> accepted = plugin.parameters().stream().map(ParameterSpec::name).toList();
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
      for (String other : TRAINERS) {
        if (!other.equals(trainer) && resource("dev/w2v/runner/" + other + ".conf").hasPath(key)) {
          throw new W2vException(
              "configuration key '"
                  + key
                  + "'"
                  + where
                  + " belongs to trainer '"
                  + other
                  + "', but the trainer is '"
                  + trainer
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
    return ConfigFactory.parseMap(values, "--set");
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

  private static Config resource(String name) {
    return ConfigFactory.parseResources(
        ConfigurationLoader.class.getClassLoader(),
        name,
        ConfigParseOptions.defaults().setAllowMissing(false));
  }
}
