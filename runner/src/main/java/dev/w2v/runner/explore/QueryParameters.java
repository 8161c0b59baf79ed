package dev.w2v.runner.explore;

import dev.w2v.core.query.SpellingSuggestions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decoded parameters of a request's query string. Names an endpoint does not take are refused
 * rather than ignored, so a misspelt {@code kk=5} is an error that suggests {@code k}, not a silent
 * default.
 */
final class QueryParameters {

  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Parses a raw (still percent-encoded) query string; null means none.
   *
   * @throws ApiException (400) if it is not valid percent-encoded UTF-8
   */
  static QueryParameters parse(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return new QueryParameters(values);
  }

  private static String decode(String s) {
    try {
      String decoded = URLDecoder.decode(s, StandardCharsets.UTF_8);
      if (decoded.indexOf('\uFFFD') >= 0 && s.indexOf('\uFFFD') < 0) {
        throw new IllegalArgumentException("not UTF-8");
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          400, "malformed query string: '" + s + "' is not valid percent-encoded UTF-8");
    }
  }

  /** Refuses any parameter not in {@code allowed}, suggesting the nearest allowed name. */
  void onlyAllow(String endpoint, Set<String> allowed) {
    for (String name : values.keySet()) {
      if (!allowed.contains(name)) {
        List<String> nearest =
            allowed.stream()
                .sorted(
                    Comparator.comparingInt((String a) -> SpellingSuggestions.distance(name, a))
                        .thenComparing(a -> a))
                .limit(1)
                .toList();
        throw new ApiException(
            400,
            "unknown parameter '"
                + name
                + "' for "
                + endpoint
                + "; it takes "
                + String.join(", ", allowed.stream().sorted().toList()),
            nearest);
      }
    }
  }

  /** The first value of {@code name}, or null if absent. */
  String optional(String name) {
    List<String> v = values.get(name);
    return v == null ? null : v.get(0);
  }

  /** Every value of {@code name} (a repeated parameter), possibly none. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The first value of {@code name}; 400 if it is absent or blank. */
  String required(String name) {
    String v = optional(name);
    if (v == null || v.isBlank()) {
      throw new ApiException(400, "missing parameter '" + name + "'");
    }
    return v.strip();
  }

  /** An integer parameter in {@code [min, max]}, {@code fallback} if absent; 400 otherwise. */
  int integer(String name, int min, int max, int fallback) {
    String v = optional(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the range
    }
    throw new ApiException(
        400, name + " must be an integer from " + min + " to " + max + ", got '" + v + "'");
  }

  /** A real parameter in {@code [min, max]}, {@code fallback} if absent; 400 otherwise. */
  double real(String name, double min, double max, double fallback) {
    String v = optional(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      double x = Double.parseDouble(v.strip());
      if (x >= min && x <= max) {
        return x;
      }
    } catch (NumberFormatException e) {
      // reported below with the range
    }
    throw new ApiException(
        400, name + " must be a number from " + min + " to " + max + ", got '" + v + "'");
  }
}
