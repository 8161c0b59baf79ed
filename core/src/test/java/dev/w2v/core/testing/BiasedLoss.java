package dev.w2v.core.testing;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.ParameterBlock;
import dev.w2v.api.WordCounts;
import dev.w2v.core.train.LossFactory;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A real loss with a parameter block of its own: J = inner + (b[target] - 1)^2 / 2 with a bias b
 * per word, so that training pulls every trained target's bias towards 1. It shows that trainers
 * allocate, update and checkpoint a loss's own parameters.
 */
public final class BiasedLoss implements LossFactory {

  private final LossFactory inner;

  public BiasedLoss(LossFactory inner) {
    this.inner = inner;
  }

  @Override
  public Loss create(WordCounts counts, int dimension) {
    Loss loss = inner.create(counts, dimension);
    int words = counts.size();
    return new Loss() {
      @Override
      public int dimension() {
        return loss.dimension();
      }

      @Override
      public int outputRows() {
        return loss.outputRows();
      }

      @Override
      public Scratch newScratch() {
        return loss.newScratch();
      }

      @Override
      public List<ParameterBlock> extraParameters() {
        return List.of(new ParameterBlock("bias", words, 0f));
      }

      @Override
      public double lossAndGradient(
          Scratch scratch,
          float[] input,
          int inputOffset,
          int target,
          float[] outputs,
          float[][] extras,
          RandomGenerator random,
          GradientSink sink) {
        double j = loss.lossAndGradient(scratch, input, inputOffset, target, outputs, random, sink);
        float away = extras[0][target] - 1f;
        sink.extraGradient(0, target, away);
        return j + 0.5 * away * away;
      }
    };
  }

  @Override
  public String description() {
    return "biased " + inner.description();
  }

  @Override
  public String lossName() {
    return "biased-" + inner.lossName();
  }
}
