package dev.w2v.library;

import dev.w2v.core.Failures;
import dev.w2v.core.W2vException;
import dev.w2v.core.train.Cancellation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A training run going on in a thread of its own, from {@link Word2Vec#start}: a program can wait
 * for it, or cancel it from any thread (a "stop" button, a shutdown hook).
 *
 * <p>Cancelling is cooperative: the trainer stops at its next step, writes a checkpoint if the run
 * has a checkpoint folder (so {@link Word2Vec.Builder#resume} continues from it), and {@link
 * #await} then throws a {@link dev.w2v.core.train.TrainingCancelledException}. Thread-safe.
 */
public final class Training {

  private final Cancellation cancellation;
  private final CompletableFuture<Model> result;

  Training(Cancellation cancellation, CompletableFuture<Model> result) {
    this.cancellation = cancellation;
    this.result = result;
  }

  /** Asks the run to stop soon; does nothing once it is done. Returns at once. */
  public void cancel() {
    cancellation.request("cancelled by the program");
  }

  /** Whether the run has ended, trained, failed or cancelled. */
  public boolean isDone() {
    return result.isDone();
  }

  /**
   * Waits for the end of the run and returns its model.
   *
   * @throws dev.w2v.core.train.TrainingCancelledException if it was cancelled
   * @throws W2vException if it failed on bad input or settings, as {@link Word2Vec#train} would
   * @throws InterruptedException if this thread is interrupted while waiting (the run goes on)
   */
  public Model await() throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw Failures.rethrow(e.getCause(), c -> new W2vException("training failed: " + c, c));
    }
  }
}
