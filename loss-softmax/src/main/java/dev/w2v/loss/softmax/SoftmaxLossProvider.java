package dev.w2v.loss.softmax;

import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.ParameterSpec;
import java.util.List;

/** Provides the {@code softmax} loss. It ignores the sampler. */
public final class SoftmaxLossProvider implements LossProvider {

  /** The name users select this loss by. */
  public static final String NAME = "softmax";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "naive softmax over the whole vocabulary (exact, O(V d) per target)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of();
  }

  /** The full softmax draws no words. */
  @Override
  public boolean usesSampler() {
    return false;
  }

  @Override
  public Loss create(LossContext context) {
    int words = context.counts().size();
    if (words < 1) {
      throw new IllegalArgumentException("softmax needs a vocabulary of at least 1 word");
    }
    return new SoftmaxLoss(context.dimension(), words);
  }
}
