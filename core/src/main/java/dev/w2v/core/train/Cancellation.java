package dev.w2v.core.train;

/**
 * A request to stop a run early, from another thread (a signal handler, a program's cancel button).
 * Trainers look at it between steps and stop after writing a checkpoint. Thread-safe.
 */
public final class Cancellation {

  private volatile String reason;

  /** Asks the run to stop; the first reason given is kept. */
  public void request(String why) {
    synchronized (this) {
      if (reason == null) {
        reason = why;
      }
    }
  }

  /** Whether a stop was requested. */
  public boolean requested() {
    return reason != null;
  }

  /** Why the run was asked to stop, such as "interrupted (SIGINT)"; null if it was not. */
  public String reason() {
    return reason;
  }
}
