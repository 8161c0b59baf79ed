package dev.w2v.core.checkpoint;

import java.util.List;

/**
 * Everything needed to continue a run exactly: the parameters, the position in the run, the random
 * generators' states and whatever else the trainer keeps.
 *
 * @param fingerprint the settings that shape the result ({@link Fingerprint}); a resume under other
 *     settings is refused, naming the difference
 * @param position the last completed iteration, or words processed, as the trainer counts
 * @param learningRate the learning rate to continue with
 * @param loss the running loss report, NaN before the first
 * @param randomStates each generator's state, in the trainer's order
 * @param matrices the parameter matrices, in the trainer's order
 * @param state the trainer's other counters (positions, queues), in its own layout
 */
public record Checkpoint(
    String fingerprint,
    long position,
    double learningRate,
    double loss,
    List<long[]> randomStates,
    List<float[]> matrices,
    List<long[]> state) {

  /**
   * Copies the lists, not the arrays: a trainer hands over its live matrices and leaves them alone
   * until the checkpoint is written, rather than doubling its memory with a copy.
   */
  public Checkpoint {
    randomStates = List.copyOf(randomStates);
    matrices = List.copyOf(matrices);
    state = List.copyOf(state);
  }
}
