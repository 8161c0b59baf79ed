package dev.w2v.core.train;

import java.util.List;
import java.util.Map;

/**
 * Typed access to a run's settings by configuration key ({@code dim}, {@code negsampling.k}). The
 * command line implements it over its layered configuration, a program over a map; both have filled
 * in every default before a trainer reads it.
 */
public interface Settings {

  /**
   * The string value of {@code key}.
   *
   * @throws dev.w2v.core.W2vException naming the key when it is missing or of another type
   */
  String getString(String key);

  /** The integer value of {@code key}; see {@link #getString}. */
  int getInt(String key);

  /** The long value of {@code key}; see {@link #getString}. */
  long getLong(String key);

  /** The finite number value of {@code key}; see {@link #getString}. */
  double getDouble(String key);

  /** The boolean value of {@code key}; see {@link #getString}. */
  boolean getBoolean(String key);

  /** A list of strings (a comma-separated string counts as a list); see {@link #getString}. */
  List<String> getStringList(String key);

  /** The values set under {@code <plugin>.}, keyed by parameter name. */
  Map<String, Object> pluginParameters(String plugin);
}
