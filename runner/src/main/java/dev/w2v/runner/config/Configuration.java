package dev.w2v.runner.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.w2v.core.W2vException;
import dev.w2v.core.train.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration of one command: every layer merged and every key checked. Typed
 * getters turn a value of the wrong type into a one-line error naming the key and where its value
 * came from.
 */
public final class Configuration implements Settings {

  private final Config config;

  Configuration(Config config) {
    this.config = config;
  }

  /** The merged Typesafe config, resolved. */
  public Config raw() {
    return config;
  }

  @Override
  public String getString(String key) {
    return read(key, () -> config.getString(key), "a string");
  }

  @Override
  public int getInt(String key) {
    return read(key, () -> config.getInt(key), "an integer");
  }

  @Override
  public long getLong(String key) {
    return read(key, () -> config.getLong(key), "an integer");
  }

  @Override
  public double getDouble(String key) {
    double value = read(key, () -> config.getDouble(key), "a number");
    if (!Double.isFinite(value)) {
      throw new W2vException(
          "configuration key '" + key + "' must be a finite number" + origin(key));
    }
    return value;
  }

  @Override
  public boolean getBoolean(String key) {
    return read(key, () -> config.getBoolean(key), "true or false");
  }

  @Override
  public List<String> getStringList(String key) {
    if (config.hasPath(key) && config.getValue(key).valueType() == ConfigValueType.STRING) {
      String text = config.getString(key).trim();
      return text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*"));
    }
    return read(key, () -> config.getStringList(key), "a list of strings");
  }

  /** A positive integer, with a message naming the key otherwise. */
  public int getPositiveInt(String key) {
    int value = getInt(key);
    if (value < 1) {
      throw new W2vException(
          "configuration key '" + key + "' must be at least 1, but is " + value + origin(key));
    }
    return value;
  }

  /** A path, resolved against the working directory. */
  public Path getPath(String key) {
    return Path.of(getString(key));
  }

  /** The values set under {@code <plugin>.}, as strings, numbers or booleans. */
  @Override
  public Map<String, Object> pluginParameters(String plugin) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (config.hasPath(plugin) && config.getValue(plugin).valueType() == ConfigValueType.OBJECT) {
      for (Map.Entry<String, ConfigValue> e : config.getConfig(plugin).entrySet()) {
        values.put(e.getKey(), e.getValue().unwrapped());
      }
    }
    return values;
  }

  private interface Read<T> {
    T get();
  }

  private <T> T read(String key, Read<T> read, String expected) {
    try {
      return read.get();
    } catch (ConfigException.Missing e) {
      throw new W2vException("configuration key '" + key + "' is not set");
    } catch (ConfigException.WrongType | ConfigException.BadValue e) {
      Object value = config.getValue(key).unwrapped();
      throw new W2vException(
          "configuration key '"
              + key
              + "' must be "
              + expected
              + ", but is '"
              + value
              + "'"
              + origin(key));
    }
  }

  private String origin(String key) {
    String description = config.getValue(key).origin().description();
    return description == null ? "" : " (set in " + description + ")";
  }
}
