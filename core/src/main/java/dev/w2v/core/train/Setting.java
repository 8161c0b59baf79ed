package dev.w2v.core.train;

import dev.w2v.core.W2vException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configuration key a trainer (or the pipeline) reads: its name, type, default, allowed range
 * and one line saying what it does. The key list of {@code w2v train --help}, the defaults layer of
 * the configuration and every range check come from these declarations, so a key is described in
 * one place.
 *
 * @param key a kebab-case name such as {@code min-count}
 * @param type how the value is read
 * @param defaultValue the default: an Integer, Long, Double, Boolean, String or List of String
 * @param description one line for {@code --help}
 * @param min the smallest allowed number (numbers only)
 * @param max the largest allowed number (numbers only)
 * @param choices the allowed strings (choices only), else empty
 */
public record Setting(
    String key,
    Type type,
    Object defaultValue,
    String description,
    double min,
    double max,
    List<String> choices) {

  /** What the names of keys look like. */
  public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** The kinds of value. */
  public enum Type {
    INTEGER,
    LONG,
    REAL,
    BOOLEAN,
    STRING,
    CHOICE,
    LIST
  }

  /** Checks the name and that the default fits the declaration. */
  public Setting {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    choices = List.copyOf(choices);
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("setting key '" + key + "' must match " + KEY.pattern());
    }
    if (type == Type.CHOICE && !choices.contains(defaultValue)) {
      throw new IllegalArgumentException(key + ": default " + defaultValue + " is not a choice");
    }
  }

  /** An integer in {@code [min, max]}. */
  public static Setting integer(
      String key, int defaultValue, int min, int max, String description) {
    return new Setting(key, Type.INTEGER, defaultValue, description, min, max, List.of());
  }

  /** Any long (seeds). */
  public static Setting longValue(String key, long defaultValue, String description) {
    return new Setting(
        key, Type.LONG, defaultValue, description, Long.MIN_VALUE, Long.MAX_VALUE, List.of());
  }

  /** A finite number in {@code [min, max]}. */
  public static Setting real(
      String key, double defaultValue, double min, double max, String description) {
    return new Setting(key, Type.REAL, defaultValue, description, min, max, List.of());
  }

  /** True or false. */
  public static Setting bool(String key, boolean defaultValue, String description) {
    return new Setting(key, Type.BOOLEAN, defaultValue, description, 0, 0, List.of());
  }

  /** Any string, such as a path ({@code ""} for none). */
  public static Setting string(String key, String defaultValue, String description) {
    return new Setting(key, Type.STRING, defaultValue, description, 0, 0, List.of());
  }

  /** One of {@code choices}. */
  public static Setting choice(
      String key, String defaultValue, List<String> choices, String description) {
    return new Setting(key, Type.CHOICE, defaultValue, description, 0, 0, choices);
  }

  /** A list of strings (a comma-separated string is accepted too). */
  public static Setting list(String key, List<String> defaultValue, String description) {
    return new Setting(key, Type.LIST, List.copyOf(defaultValue), description, 0, 0, List.of());
  }

  /** This setting with another default (a trainer's own default for a shared key). */
  public Setting withDefault(Object value) {
    return new Setting(key, type, value, description, min, max, choices);
  }

  /** The value of this integer setting in {@code settings}, range-checked. */
  public int intValue(Settings settings) {
    int value = settings.getInt(key);
    checkRange(value);
    return value;
  }

  /** The value of this long setting in {@code settings}. */
  public long longValue(Settings settings) {
    long value = settings.getLong(key);
    checkRange(value);
    return value;
  }

  /** The value of this real setting in {@code settings}, range-checked. */
  public double doubleValue(Settings settings) {
    double value = settings.getDouble(key);
    checkRange(value);
    return value;
  }

  /** The value of this boolean setting in {@code settings}. */
  public boolean booleanValue(Settings settings) {
    return settings.getBoolean(key);
  }

  /** The value of this string or choice setting in {@code settings}, checked against choices. */
  public String stringValue(Settings settings) {
    String value = settings.getString(key);
    if (type == Type.CHOICE && !choices.contains(value.trim().toLowerCase(Locale.ROOT))) {
      throw new W2vException(
          "configuration key '"
              + key
              + "' must be "
              + String.join(", ", choices.subList(0, choices.size() - 1))
              + " or "
              + choices.get(choices.size() - 1)
              + ", but is '"
              + value
              + "'");
    }
    return type == Type.CHOICE ? value.trim().toLowerCase(Locale.ROOT) : value;
  }

  /** The value of this list setting in {@code settings}. */
  public List<String> listValue(Settings settings) {
    return settings.getStringList(key);
  }

  private void checkRange(double value) {
    if (value < min || value > max) {
      throw new W2vException(
          "configuration key '"
              + key
              + "' must be "
              + range()
              + ", but is "
              + (type == Type.REAL ? Double.toString(value) : Long.toString((long) value)));
    }
  }

  /** The range in words, such as "between 1 and 8" or "at least 1". */
  public String range() {
    String low = type == Type.REAL ? Double.toString(min) : Long.toString((long) min);
    String high = type == Type.REAL ? Double.toString(max) : Long.toString((long) max);
    boolean unbounded = type == Type.REAL ? max == Double.MAX_VALUE : max >= Integer.MAX_VALUE;
    if (unbounded) {
      return type == Type.REAL && min > 0 && min < 1e-300 ? "positive" : "at least " + low;
    }
    return "between " + low + " and " + high;
  }
}
