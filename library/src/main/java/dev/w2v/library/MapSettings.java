package dev.w2v.library;

import dev.w2v.core.W2vException;
import dev.w2v.core.train.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Settings} over a map whose every key has its value: the builder fills it from the
 * declarations' defaults, the trainer's defaults, and what the program set, in that order. Numbers
 * may arrive as any {@link Number} or as a string, as a configuration file would give them.
 */
final class MapSettings implements Settings {

  private final Map<String, Object> values;

  MapSettings(Map<String, Object> values) {
    this.values = new LinkedHashMap<>(values);
  }

  private Object value(String key) {
    Object value = values.get(key);
    if (value == null) {
      throw new W2vException("setting '" + key + "' is not set");
    }
    return value;
  }

  private W2vException wrongType(String key, String expected) {
    return new W2vException(
        "setting '" + key + "' must be " + expected + ", but is '" + values.get(key) + "'");
  }

  @Override
  public String getString(String key) {
    Object value = value(key);
    if (value instanceof List<?>) {
      throw wrongType(key, "a string");
    }
    return value.toString();
  }

  @Override
  public int getInt(String key) {
    long value = getLong(key);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw wrongType(key, "an integer of at most " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  @Override
  public long getLong(String key) {
    Object value = value(key);
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      double d = n.doubleValue();
      if (Math.abs(d) < 0x1p63) {
        return (long) d;
      }
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw wrongType(key, "an integer");
      }
    }
    throw wrongType(key, "an integer");
  }

  @Override
  public double getDouble(String key) {
    Object value = value(key);
    double d;
    if (value instanceof Number n) {
      d = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        d = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw wrongType(key, "a number");
      }
    } else {
      throw wrongType(key, "a number");
    }
    if (!Double.isFinite(d)) {
      throw wrongType(key, "a finite number");
    }
    return d;
  }

  @Override
  public boolean getBoolean(String key) {
    Object value = value(key);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw wrongType(key, "true or false");
  }

  @Override
  public List<String> getStringList(String key) {
    Object value = value(key);
    if (value instanceof List<?> list) {
      List<String> out = new ArrayList<>(list.size());
      for (Object o : list) {
        if (!(o instanceof String s)) {
          throw wrongType(key, "a list of strings");
        }
        out.add(s);
      }
      return List.copyOf(out);
    }
    if (value instanceof String s) {
      String text = s.trim();
      return text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*"));
    }
    throw wrongType(key, "a list of strings");
  }

  @Override
  public Map<String, Object> pluginParameters(String plugin) {
    Map<String, Object> out = new LinkedHashMap<>();
    String prefix = plugin + ".";
    values.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            out.put(key.substring(prefix.length()), value);
          }
        });
    return out;
  }
}
