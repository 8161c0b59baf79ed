package dev.w2v.core;

import java.util.function.Function;

/** What a thread that waited for another does with the other's failure. */
public final class Failures {

  private Failures() {}

  /**
   * Throws {@code failure} itself if it is unchecked, so that a waiting caller sees the same
   * exception (a {@link W2vException} stays one line for the user); otherwise returns {@code
   * wrap}'s exception for the caller to throw.
   */
  public static RuntimeException rethrow(
      Throwable failure, Function<Throwable, RuntimeException> wrap) {
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return wrap.apply(failure);
  }
}
