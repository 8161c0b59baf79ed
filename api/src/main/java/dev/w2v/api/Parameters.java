package dev.w2v.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plugin's parameter values, validated against its {@link ParameterSpec}s and completed with
 * their defaults. Immutable.
 */
public final class Parameters {

  private final String owner;
  private final Map<String, Object> values;

  private Parameters(String owner, Map<String, Object> values) {
    this.owner = owner;
    this.values = Collections.unmodifiableMap(values);
  }

  /** The defaults of {@code specs}. */
  public static Parameters defaults(String owner, List<ParameterSpec> specs) {
    return resolve(owner, specs, Map.of());
  }

  /**
   * Validates {@code given} (keys are parameter names without the plugin prefix; values are
   * strings, numbers or booleans) against {@code specs} and fills in the defaults.
   *
   * @param owner the plugin's name, used in messages and as the key prefix
   * @throws IllegalArgumentException naming the key, when a key is unknown or a value is not of its
   *     parameter's type
   */
  public static Parameters resolve(String owner, List<ParameterSpec> specs, Map<String, ?> given) {
    Map<String, ParameterSpec> byName = new LinkedHashMap<>();
    for (ParameterSpec spec : specs) {
      if (byName.put(spec.name(), spec) != null) {
        throw new IllegalArgumentException(
            owner + " declares parameter '" + spec.name() + "' twice");
      }
    }
    for (String key : given.keySet()) {
      if (!byName.containsKey(key)) {
        String known =
            byName.isEmpty()
                ? "it takes no parameters"
                : "it accepts " + String.join(", ", byName.keySet());
        throw new IllegalArgumentException(
            "unknown parameter '" + owner + "." + key + "': " + known);
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParameterSpec spec : byName.values()) {
      Object raw = given.get(spec.name());
      if (raw == null) {
        values.put(spec.name(), spec.defaultValue());
        continue;
      }
      try {
        values.put(spec.name(), spec.type().convert(raw));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "parameter '"
                + owner
                + "."
                + spec.name()
                + "' must be "
                + spec.type().expected()
                + ", but is '"
                + raw
                + "'");
      }
    }
    return new Parameters(owner, values);
  }

  /** The plugin these parameters belong to. */
  public String owner() {
    return owner;
  }

  /** The value of an integer parameter. */
  public int getInt(String name) {
    return (Integer) get(name, ParameterType.INTEGER);
  }

  /** The value of a real parameter. */
  public double getDouble(String name) {
    return (Double) get(name, ParameterType.REAL);
  }

  /** The value of a boolean parameter. */
  public boolean getBoolean(String name) {
    return (Boolean) get(name, ParameterType.BOOLEAN);
  }

  /** The value of a string parameter. */
  public String getString(String name) {
    return (String) get(name, ParameterType.STRING);
  }

  /** Every value by parameter name, in declaration order. */
  public Map<String, Object> asMap() {
    return values;
  }

  private Object get(String name, ParameterType type) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException(owner + " has no parameter '" + name + "'");
    }
    if (!type.convert(value).equals(value)) {
      throw new IllegalArgumentException(
          "parameter '" + owner + "." + name + "' is not " + type.expected());
    }
    return value;
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> owner + "." + e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
