package dev.w2v.core.train;

import dev.w2v.api.Loss;
import dev.w2v.api.Sampler;
import dev.w2v.api.WordCounts;
import java.util.function.UnaryOperator;

/** Creates the configured loss (and its sampler) once the vocabulary is known. */
public interface LossFactory {

  /**
   * The loss for this vocabulary and dimension.
   *
   * @throws dev.w2v.core.W2vException naming the plugin if it refuses the vocabulary or its
   *     parameters
   */
  Loss create(WordCounts counts, int dimension);

  /**
   * The loss for this vocabulary and dimension, created with {@code samplerView.apply(sampler)} in
   * place of the configured sampler: a trainer's view of the sampler that draws exactly as the
   * sampler does. A factory whose loss draws no words never calls it; one that cannot wrap its
   * sampler may ignore it, as this default does.
   */
  default Loss create(WordCounts counts, int dimension, UnaryOperator<Sampler> samplerView) {
    return create(counts, dimension);
  }

  /**
   * The loss and sampler with their parameters, such as {@code negsampling{k=5}
   * unigram{power=0.75}}: part of what a checkpoint must match to be resumed.
   */
  String description();

  /** The loss's name alone, such as {@code negsampling}, for summaries. */
  String lossName();
}
