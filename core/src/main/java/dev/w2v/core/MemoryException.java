package dev.w2v.core;

import java.util.Locale;

/**
 * A run needs more memory than the JVM may use: said before the allocation when the need is known
 * (the matrices), so that the user learns the size to ask for instead of reading a stack trace.
 */
public final class MemoryException extends W2vException {

  private static final long serialVersionUID = 1L;

  private MemoryException(String message) {
    super(message);
  }

  /**
   * Throws if {@code bytes} more cannot fit in the heap beside what is in use now.
   *
   * @param what the allocation, for the message, such as "two 4680 x 60000 matrices"
   */
  public static void checkFits(long bytes, String what) {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    long available = runtime.maxMemory() - used;
    if (bytes > available) {
      long needMb = (used + bytes) / (1 << 20) + 1;
      throw new MemoryException(
          String.format(
              Locale.ROOT,
              "%s need about %d MB, but Java may use only %d MB; raise it with"
                  + " W2V_JAVA_OPTS=-Xmx%dm, or lower dim or the vocabulary (min-count)",
              what,
              needMb,
              runtime.maxMemory() >> 20,
              needMb * 5 / 4 + 64));
    }
  }

  /** The message of an allocation that was refused by the JVM itself. */
  public static MemoryException of(String what, long bytes, OutOfMemoryError cause) {
    MemoryException e =
        new MemoryException(
            String.format(
                Locale.ROOT,
                "%s need about %d MB, more than the %d MB Java may use; raise it with"
                    + " W2V_JAVA_OPTS=-Xmx%dm",
                what,
                (bytes >> 20) + 1,
                Runtime.getRuntime().maxMemory() >> 20,
                (bytes >> 20) * 5 / 4 + 64));
    e.initCause(cause);
    return e;
  }
}
