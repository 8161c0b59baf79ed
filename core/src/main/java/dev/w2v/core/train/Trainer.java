package dev.w2v.core.train;

/**
 * A way to train word vectors: the seam between the shared pipeline and an algorithm. CS224n's
 * batched SGD, the Hogwild fast trainer and the Spark trainer implement it; nothing outside a
 * trainer knows which one runs.
 *
 * <p>A trainer is created by its {@link TrainerProvider} from validated settings, and trains once:
 * it reads the corpus the run names (locally through {@link TrainingRun#prepare}, or in its own
 * distributed way), creates the loss through {@link TrainingRun#losses()}, reports to the run's
 * listener, checkpoints through {@link TrainingRun#saveCheckpoint} and honours its cancellation.
 *
 * <p>Stable API for trainer implementations (a {@code @since 0.2} seam).
 */
public interface Trainer {

  /**
   * Trains and returns the model. Never returns a model with a non-finite parameter.
   *
   * @throws dev.w2v.core.W2vException with a one-line message a user can act on: bad input,
   *     settings a checkpoint does not match, divergence, cancellation ({@link
   *     TrainingCancelledException}) or too little memory
   */
  TrainedModel train(TrainingRun run);
}
