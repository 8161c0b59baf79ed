package dev.w2v.loss.negsampling;

import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.ParameterSpec;
import java.util.List;
import java.util.Map;

/** Provides the {@code negsampling} loss. */
public final class NegativeSamplingProvider implements LossProvider {

  /** The name users select this loss by. */
  public static final String NAME = "negsampling";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "negative sampling: the target against k words drawn from the sampler";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer(
            "k",
            10,
            "negative samples per target word (CS224n's 10; 5, word2vec C's, for the"
                + " other trainers)"));
  }

  /** The course draws 10 negatives; word2vec C, and so every other trainer, 5. */
  @Override
  public Map<String, Object> defaults(String trainer) {
    return trainer.equals("cs224n") ? Map.of() : Map.of("k", 5);
  }

  @Override
  public Loss create(LossContext context) {
    int k = context.parameters().getInt("k");
    if (k < 1) {
      throw new IllegalArgumentException("negsampling.k must be at least 1, was " + k);
    }
    int words = context.counts().size();
    if (words < 2) {
      throw new IllegalArgumentException(
          "negsampling needs at least 2 words in the vocabulary to draw negatives, has " + words);
    }
    if (context.sampler().size() != words) {
      throw new IllegalArgumentException(
          "negsampling: the sampler draws from "
              + context.sampler().size()
              + " words but the vocabulary has "
              + words);
    }
    return new NegativeSamplingLoss(context.dimension(), words, k, context.sampler());
  }
}
