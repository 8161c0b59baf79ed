package dev.w2v.core.train;

import dev.w2v.core.W2vException;
import java.nio.file.Path;
import java.util.Optional;

/** A run stopped because its {@link Cancellation} was requested, after its last checkpoint. */
public final class TrainingCancelledException extends W2vException {

  private static final long serialVersionUID = 1L;

  private final transient Path checkpoint;

  /**
   * @param checkpoint the checkpoint written on the way out, or null if none was
   */
  public TrainingCancelledException(String message, Path checkpoint) {
    super(message);
    this.checkpoint = checkpoint;
  }

  /** The checkpoint written on the way out, from which {@code --resume} continues. */
  public Optional<Path> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }
}
