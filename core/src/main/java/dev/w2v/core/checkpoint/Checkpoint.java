package dev.w2v.core.checkpoint;

import java.util.List;

/**
 * Everything needed to continue a run exactly: the parameters, the position in the run and the
 * random generators' state.
 *
 * @param fingerprint the settings that shape the result; a resume under other settings is refused
 * @param iteration the last completed iteration (or words processed, for a streaming trainer)
 * @param learningRate the learning rate to continue with
 * @param smoothedLoss the running loss report, NaN before the first
 * @param randomStates each generator's state, in the trainer's order
 * @param matrices the parameter matrices, in the trainer's order
 */
public record Checkpoint(
    String fingerprint,
    long iteration,
    double learningRate,
    double smoothedLoss,
    List<long[]> randomStates,
    List<float[]> matrices) {

  public Checkpoint {
    randomStates = List.copyOf(randomStates);
    matrices = List.copyOf(matrices);
  }
}
