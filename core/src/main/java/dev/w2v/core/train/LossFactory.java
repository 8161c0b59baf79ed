package dev.w2v.core.train;

import dev.w2v.api.Loss;
import dev.w2v.api.WordCounts;

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
   * The loss and sampler with their parameters, such as {@code negsampling{k=5}
   * unigram{power=0.75}}: part of what a checkpoint must match to be resumed.
   */
  String description();

  /** The loss's name alone, such as {@code negsampling}, for summaries. */
  String lossName();
}
