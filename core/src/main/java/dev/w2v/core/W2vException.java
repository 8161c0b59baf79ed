package dev.w2v.core;

/**
 * An error a user can act on: its message says what went wrong, where, and what to do. The runner
 * prints the message on one line and exits with status 2; the stack trace is shown only with {@code
 * --verbose}.
 */
public class W2vException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public W2vException(String message) {
    super(message);
  }

  public W2vException(String message, Throwable cause) {
    super(message, cause);
  }
}
