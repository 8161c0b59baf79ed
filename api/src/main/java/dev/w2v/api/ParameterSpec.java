package dev.w2v.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter a plugin accepts: its name (the part after {@code <plugin>.} in a configuration
 * key), its type, its default and what it means.
 *
 * @param name matches {@code [a-z0-9][a-z0-9-]*}, such as {@code k} or {@code power}
 * @param type how values are read
 * @param defaultValue the value used when the configuration does not set one, of {@code type}
 * @param description one line saying what the parameter changes
 */
public record ParameterSpec(
    String name, ParameterType type, Object defaultValue, String description) {

  /** What plugin and parameter names look like. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** Validates the name and converts the default to the declared type. */
  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "parameter name '" + name + "' must match " + NAME.pattern());
    }
    defaultValue = type.convert(defaultValue);
  }

  /** An integer parameter. */
  public static ParameterSpec integer(String name, int defaultValue, String description) {
    return new ParameterSpec(name, ParameterType.INTEGER, defaultValue, description);
  }

  /** A real-valued parameter. */
  public static ParameterSpec real(String name, double defaultValue, String description) {
    return new ParameterSpec(name, ParameterType.REAL, defaultValue, description);
  }

  /** A boolean parameter. */
  public static ParameterSpec bool(String name, boolean defaultValue, String description) {
    return new ParameterSpec(name, ParameterType.BOOLEAN, defaultValue, description);
  }

  /** A string parameter. */
  public static ParameterSpec string(String name, String defaultValue, String description) {
    return new ParameterSpec(name, ParameterType.STRING, defaultValue, description);
  }
}
