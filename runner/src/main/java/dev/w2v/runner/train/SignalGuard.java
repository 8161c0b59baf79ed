package dev.w2v.runner.train;

import dev.w2v.core.train.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT and SIGTERM (Ctrl-C, {@code kill}) into a request to stop after a checkpoint. The
 * JVM runs shutdown hooks on those signals and halts when they return, so the hook asks the run to
 * stop and then waits until the run has written its checkpoint, released its folder and said so,
 * which it signals by closing this guard. SIGKILL cannot be caught; the last periodic checkpoint is
 * what survives it.
 */
final class SignalGuard implements AutoCloseable {

  /** How long a signal waits for the run to stop before the JVM halts anyway. */
  private static final long WAIT_SECONDS = 120;

  private final Thread hook;
  private final CountDownLatch done = new CountDownLatch(1);

  private SignalGuard(Cancellation cancellation) {
    this.hook =
        new Thread(
            () -> {
              cancellation.request("interrupted");
              try {
                done.await(WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "w2v-signal");
  }

  /** Installs the hook until {@link #close()}. */
  static SignalGuard install(Cancellation cancellation) {
    SignalGuard guard = new SignalGuard(cancellation);
    Runtime.getRuntime().addShutdownHook(guard.hook);
    return guard;
  }

  /** Lets a waiting hook return, or removes the hook if no signal came. */
  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutdown has begun: the hook is running and returns now that the latch is open.
    }
  }
}
