package dev.w2v.core.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings that shape a run's result, as {@code key=value} lines: what a checkpoint records and
 * a resume must match. Comparing two names exactly the keys that differ, so that a refused resume
 * can say which setting changed. Immutable.
 */
public final class Fingerprint {

  private final Map<String, String> values;

  private Fingerprint(Map<String, String> values) {
    this.values = values;
  }

  /** The given settings, in order; values are turned into strings. */
  public static Fingerprint of(Map<String, ?> settings) {
    Map<String, String> values = new LinkedHashMap<>();
    settings.forEach((k, v) -> values.put(k, String.valueOf(v)));
    return new Fingerprint(values);
  }

  /** Reads {@link #text()}; a line without {@code =} counts as a key without value. */
  public static Fingerprint parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      values.put(eq < 0 ? line : line.substring(0, eq), eq < 0 ? "" : line.substring(eq + 1));
    }
    return new Fingerprint(values);
  }

  /** One {@code key=value} line per setting. */
  public String text() {
    StringBuilder text = new StringBuilder();
    values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    return text.toString();
  }

  /**
   * The settings whose values differ, each as {@code key: theirs here, ours there}, where {@code
   * this} is the checkpoint's and {@code run} the current run's; empty if they match.
   */
  public List<String> differences(Fingerprint run) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String other = run.values.get(e.getKey());
      if (!Objects.equals(e.getValue(), other)) {
        out.add(
            e.getKey()
                + " was "
                + e.getValue()
                + " in the checkpoint and is "
                + (other == null ? "not set" : other)
                + " now");
      }
    }
    for (String key : run.values.keySet()) {
      if (!values.containsKey(key)) {
        out.add(key + " is " + run.values.get(key) + " now but absent from the checkpoint");
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && values.equals(f.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
