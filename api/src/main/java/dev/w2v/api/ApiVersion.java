package dev.w2v.api;

/**
 * The version of this API. A plugin built against a different {@link #MAJOR} version is refused at
 * load time; minor versions only add.
 */
public final class ApiVersion {

  private ApiVersion() {}

  /** Incremented on a change that breaks plugins built against an earlier version. */
  public static final int MAJOR = 1;

  /** Incremented when the API gains something without breaking existing plugins. */
  public static final int MINOR = 2;

  /** {@code MAJOR.MINOR}. */
  public static String string() {
    return MAJOR + "." + MINOR;
  }
}
