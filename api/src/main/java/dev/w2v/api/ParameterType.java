package dev.w2v.api;

/** The type of a plugin parameter, and how a configuration value of that type is read. */
public enum ParameterType {
  INTEGER("an integer"),
  REAL("a number"),
  BOOLEAN("true or false"),
  STRING("a string");

  private final String expected;

  ParameterType(String expected) {
    this.expected = expected;
  }

  /** Words for the error message when a value is not of this type, such as "an integer". */
  public String expected() {
    return expected;
  }

  /**
   * Converts a configuration value (a string from the command line, or a number or boolean from a
   * configuration file) to this type: {@link Integer}, {@link Double}, {@link Boolean} or {@link
   * String}.
   *
   * @throws IllegalArgumentException if the value is not of this type
   */
  public Object convert(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("no value");
    }
    String text = value.toString().trim();
    switch (this) {
      case INTEGER:
        if (value instanceof Integer i) {
          return i;
        }
        if (value instanceof Long l && l == l.intValue()) {
          return l.intValue();
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
          return d.intValue();
        }
        try {
          return Integer.parseInt(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + text + "' is not " + expected);
        }
      case REAL:
        if (value instanceof Number n) {
          return n.doubleValue();
        }
        try {
          double d = Double.parseDouble(text);
          if (!Double.isFinite(d)) {
            throw new NumberFormatException();
          }
          return d;
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + text + "' is not " + expected);
        }
      case BOOLEAN:
        if (value instanceof Boolean b) {
          return b;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("'" + text + "' is not " + expected);
      case STRING:
        return text;
      default:
        throw new AssertionError(this);
    }
  }
}
