package dev.w2v.runner.train;

import dev.w2v.core.Failures;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One piece of output work on a thread of its own, so that independent outputs (the plots, the
 * vector files) are written side by side on the cores training has just freed. Whatever the work
 * throws is thrown again, unchanged, by {@link #alongside}.
 */
final class Background {

  private final FutureTask<Void> task;

  private Background(FutureTask<Void> task) {
    this.task = task;
  }

  static Background start(String name, Runnable work) {
    FutureTask<Void> task = new FutureTask<>(work, null);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return new Background(task);
  }

  /**
   * Runs {@code foreground} on this thread, then waits for the background work. The foreground's
   * failure comes first: the background's is then only waited for, not thrown.
   */
  void alongside(Runnable foreground) {
    try {
      foreground.run();
    } catch (RuntimeException | Error e) {
      try {
        await();
      } catch (RuntimeException | Error second) {
        e.addSuppressed(second);
      }
      throw e;
    }
    await();
  }

  /** Waits for the work to end and rethrows what it threw. */
  private void await() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          task.get();
          return;
        } catch (InterruptedException e) {
          // The outputs must be whole before the run reports success, so keep waiting.
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      throw Failures.rethrow(e.getCause(), IllegalStateException::new);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
