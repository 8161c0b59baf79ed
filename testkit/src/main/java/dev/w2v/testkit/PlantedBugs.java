package dev.w2v.testkit;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import java.util.random.RandomGenerator;

/**
 * Losses with deliberate mistakes, to show that a checker rejects them. Each wraps a correct loss
 * and corrupts what reaches the sink, the way the mistake would in a hand-written gradient.
 */
public final class PlantedBugs {

  private PlantedBugs() {}

  /** Reports dJ/d(input) with its sign flipped. */
  public static Loss flippedInputSign(Loss correct) {
    return new Corrupted(correct) {
      @Override
      GradientSink corrupt(GradientSink sink, float[] scratch) {
        return new GradientSink() {
          @Override
          public void inputGradient(float[] gradient, int offset) {
            for (int j = 0; j < correct.dimension(); j++) {
              scratch[j] = -gradient[offset + j];
            }
            sink.inputGradient(scratch, 0);
          }

          @Override
          public void outputGradient(int row, float coefficient, float[] vector, int offset) {
            sink.outputGradient(row, coefficient, vector, offset);
          }
        };
      }
    };
  }

  /**
   * Keeps only the first report of each output row, as numpy's {@code grad[negatives] += ...} does
   * when a negative is drawn twice.
   */
  public static Loss repeatedRowCountedOnce(Loss correct) {
    return new Corrupted(correct) {
      @Override
      GradientSink corrupt(GradientSink sink, float[] scratch) {
        boolean[] seen = new boolean[correct.outputRows()];
        return new GradientSink() {
          @Override
          public void inputGradient(float[] gradient, int offset) {
            java.util.Arrays.fill(seen, false);
            sink.inputGradient(gradient, offset);
          }

          @Override
          public void outputGradient(int row, float coefficient, float[] vector, int offset) {
            if (!seen[row]) {
              seen[row] = true;
              sink.outputGradient(row, coefficient, vector, offset);
            }
          }
        };
      }
    };
  }

  private abstract static class Corrupted implements Loss {
    private final Loss correct;

    Corrupted(Loss correct) {
      this.correct = correct;
    }

    abstract GradientSink corrupt(GradientSink sink, float[] scratch);

    @Override
    public int dimension() {
      return correct.dimension();
    }

    @Override
    public int outputRows() {
      return correct.outputRows();
    }

    @Override
    public Scratch newScratch() {
      return correct.newScratch();
    }

    @Override
    public double lossAndGradient(
        Scratch scratch,
        float[] input,
        int inputOffset,
        int target,
        float[] outputs,
        RandomGenerator random,
        GradientSink sink) {
      return correct.lossAndGradient(
          scratch,
          input,
          inputOffset,
          target,
          outputs,
          random,
          corrupt(sink, new float[dimension()]));
    }
  }
}
