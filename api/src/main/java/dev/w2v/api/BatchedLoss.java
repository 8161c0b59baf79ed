package dev.w2v.api;

import java.util.random.RandomGenerator;

/**
 * A {@link Loss} that can also evaluate several inputs in one call, against targets and samples
 * they share: HogBatch's step (Ji et al. 2016, "Parallelizing Word2Vec in Shared and Distributed
 * Memory"). For skip-gram a trainer passes the input vectors of a window's context words, each with
 * the window's center word as its target; negative sampling then draws one set of negatives for the
 * whole window, and the scores become a small matrix product in which every output row fetched from
 * memory serves every input.
 *
 * <p>Optional: a trainer uses this only when the loss implements it, and trains per pair otherwise,
 * so a loss built against API 1.0 or 1.1 keeps working unchanged.
 *
 * <p>Contract, checked by the test kit's {@code LossContractTest} for a loss that implements it:
 *
 * <ul>
 *   <li><b>The same as the per-pair calls.</b> The loss and every gradient equal the sums over
 *       {@code i} of {@link #lossAndGradient(Scratch, float[], int, int, float[], float[][],
 *       RandomGenerator, GradientSink)} for input {@code i} and {@code targets[i]}, each evaluated
 *       at the parameters as they were before the call and with a generator in the state this call
 *       received. So what the loss draws, it draws once, as one per-pair call would, and shares
 *       among the inputs. (When the targets differ, a draw equal to any of them is drawn again.)
 *   <li><b>Inputs are read, never written.</b> The gradient with respect to input {@code i} goes to
 *       {@code inputGradients[i*d, (i+1)*d)}; the caller applies it after the call.
 *   <li><b>Output rows</b> go to the sink as in a per-pair call, a row read before it is reported
 *       (the sink may apply each report at once); a row may be reported once with the sum of every
 *       input's share, and since a report is a coefficient times a vector, the coefficient may be 1
 *       and the vector that sum, held in the scratch.
 *   <li>No allocation once the scratch exists; randomness only from {@code random}.
 * </ul>
 *
 * @since API 1.2
 */
public interface BatchedLoss extends Loss {

  /**
   * Working memory for one thread's batched calls of up to {@code maxInputs} inputs; it also serves
   * this thread's per-pair calls. Called once per thread, never in the hot loop.
   */
  Scratch newScratch(int maxInputs);

  /**
   * Computes the summed loss of {@code count} (input, target) pairs that share what the loss draws,
   * writes each input's gradient to {@code inputGradients} and reports every output row's to {@code
   * sink}.
   *
   * @param scratch this thread's scratch, from {@link #newScratch(int)} with at least {@code count}
   * @param inputs the array holding the input vectors (the input matrix itself, or the caller's)
   * @param inputOffsets where input {@code i} starts in {@code inputs}, for i in [0, count); an
   *     offset may repeat
   * @param targets the target word of input {@code i}, for i in [0, count)
   * @param count how many pairs, at least 1
   * @param outputs the output matrix, {@link #outputRows()} x {@link #dimension()}, row-major
   * @param extras one array per block of {@link #extraParameters()}, in order (empty if none)
   * @param random the only source of randomness
   * @param inputGradients receives dJ/d(input i) at {@code [i*d, (i+1)*d)}; at least count * d
   * @param sink receives dJ/d(row) for every output row touched (never an input gradient)
   * @return the summed loss J of the pairs (natural log)
   */
  double batchLossAndGradient(
      Scratch scratch,
      float[] inputs,
      int[] inputOffsets,
      int[] targets,
      int count,
      float[] outputs,
      float[][] extras,
      RandomGenerator random,
      float[] inputGradients,
      GradientSink sink);
}
