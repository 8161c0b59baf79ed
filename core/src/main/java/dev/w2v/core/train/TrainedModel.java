package dev.w2v.core.train;

import dev.w2v.api.ParameterBlock;
import dev.w2v.core.corpus.Vocabulary;
import dev.w2v.core.model.SavedModel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What every trainer returns: the vocabulary and both parameter matrices, handed over without a
 * copy (the caller owns them), and a short account of the run.
 *
 * <p>The input matrix has one row per word ({@code V x d}); the output matrix has as many rows as
 * the loss declared ({@code V} for softmax and negative sampling, {@code V - 1} inner nodes for a
 * hierarchical softmax).
 */
public final class TrainedModel {

  private final Vocabulary vocabulary;
  private final int dimension;
  private final float[] input;
  private final float[] output;
  private final String summary;
  private final Duration trainingTime;
  private final double wordsPerSecond;
  private List<ParameterBlock> extraBlocks = List.of();
  private List<float[]> extras = List.of();

  /**
   * @param summary one line in the trainer's words, such as {@code final smoothed loss 9.55 after
   *     40000 iterations (negsampling loss, 19539 words, dim 10)}
   * @param trainingTime the training phase in this process, without reading the corpus
   * @param wordsPerSecond training words per second, NaN where the trainer does not count words
   */
  public TrainedModel(
      Vocabulary vocabulary,
      int dimension,
      float[] input,
      float[] output,
      String summary,
      Duration trainingTime,
      double wordsPerSecond) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.input = Objects.requireNonNull(input, "input");
    this.output = Objects.requireNonNull(output, "output");
    if (dimension < 1 || input.length != (long) vocabulary.size() * dimension) {
      throw new IllegalArgumentException(
          "input holds " + input.length + " floats, not " + vocabulary.size() + " x " + dimension);
    }
    if (output.length % dimension != 0) {
      throw new IllegalArgumentException("output is not a whole number of rows of " + dimension);
    }
    this.dimension = dimension;
    this.summary = Objects.requireNonNull(summary, "summary");
    this.trainingTime = Objects.requireNonNull(trainingTime, "trainingTime");
    this.wordsPerSecond = wordsPerSecond;
  }

  /**
   * This model with the loss's own trained parameters ({@link dev.w2v.api.Loss#extraParameters()}),
   * one array per block, handed over without a copy.
   */
  public TrainedModel withExtras(List<ParameterBlock> blocks, float[][] values) {
    if (blocks.size() != values.length) {
      throw new IllegalArgumentException(
          blocks.size() + " blocks but " + values.length + " arrays");
    }
    this.extraBlocks = List.copyOf(blocks);
    this.extras = List.of(values);
    return this;
  }

  /** The loss's own parameter blocks, empty for most losses. */
  public List<ParameterBlock> extraBlocks() {
    return extraBlocks;
  }

  /** The loss's own trained parameters, one array per {@link #extraBlocks()} entry. */
  public List<float[]> extras() {
    return extras;
  }

  /** The words, in the order of the matrices' rows. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** d. */
  public int dimension() {
    return dimension;
  }

  /** The input (center) vectors, V x d, row-major; the array itself. */
  public float[] input() {
    return input;
  }

  /** The output matrix, {@link #outputRows()} x d, row-major; the array itself. */
  public float[] output() {
    return output;
  }

  /** The output matrix's rows. */
  public int outputRows() {
    return output.length / dimension;
  }

  /** Whether the output matrix has one row per word, so that output or sum vectors exist. */
  public boolean outputIsPerWord() {
    return outputRows() == vocabulary.size();
  }

  /**
   * This model as a later run continues from it (and {@link dev.w2v.core.model.ModelFile} saves
   * it), sharing its arrays.
   *
   * @param loss the name of the loss it was trained with
   * @param source where it is or will be, for messages
   */
  public SavedModel toSaved(String loss, String source) {
    return new SavedModel(vocabulary, dimension, input, output, loss, true, source);
  }

  /** One line in the trainer's words. */
  public String summary() {
    return summary;
  }

  /** The training phase's time in this process. */
  public Duration trainingTime() {
    return trainingTime;
  }

  /** Training words per second, NaN where not counted. */
  public double wordsPerSecond() {
    return wordsPerSecond;
  }
}
