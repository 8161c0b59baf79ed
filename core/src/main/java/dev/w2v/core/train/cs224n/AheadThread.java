package dev.w2v.core.train.cs224n;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The second core's share of the CS224n loop: one thread that prepares what the coming batches will
 * draw (their contexts, the loss's negatives), while the training thread computes gradients.
 *
 * <p>Each piece of work is a step that does a little if its ring has room and says whether it did;
 * the thread goes round them and sleeps briefly when none had room. A failure is kept and thrown to
 * the training thread the next time it waits for this one.
 */
final class AheadThread implements AutoCloseable {

  private final List<BooleanSupplier> steps = new ArrayList<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile Throwable failure;

  AheadThread() {
    thread = new Thread(this::run, "w2v-ahead");
    thread.setDaemon(true);
  }

  /** Whether a second core is there to prepare batches on. */
  static boolean worthIt() {
    return Runtime.getRuntime().availableProcessors() > 1;
  }

  /** Adds a step; all are added before {@link #start()}. */
  void add(BooleanSupplier step) {
    if (thread.isAlive()) {
      throw new IllegalStateException("steps are added before the thread starts");
    }
    steps.add(step);
  }

  void start() {
    thread.start();
  }

  /**
   * Waits, on the training thread, until {@code published} (a volatile counter this thread
   * advances) is more than {@code position}, and returns it. Spins first, because the wait is
   * usually a few microseconds, then yields.
   *
   * @throws IllegalStateException if this thread failed
   */
  long awaitBeyond(LongSupplier published, long position) {
    int spins = 0;
    long value;
    while ((value = published.getAsLong()) <= position) {
      Throwable t = failure;
      if (t != null) {
        throw new IllegalStateException("preparing the coming batches failed: " + t, t);
      }
      if (++spins < 10_000) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    return value;
  }

  private void run() {
    try {
      while (!closed) {
        boolean worked = false;
        for (BooleanSupplier step : steps) {
          worked |= step.getAsBoolean();
        }
        if (!worked) {
          // The training thread takes about 100 us a batch and the rings hold several batches,
          // so a sleeping thread is never far behind. (Spinning instead slowed training down.)
          LockSupport.parkNanos(20_000);
        }
      }
    } catch (Throwable t) {
      failure = t;
    }
  }

  /** Stops the thread; whatever it prepared and was not used is dropped. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    if (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
