package dev.w2v.library;

import dev.w2v.core.corpus.Vocabulary;
import dev.w2v.core.corpus.VocabularyFile;
import dev.w2v.core.model.ModelFile;
import dev.w2v.core.model.SavedModel;
import dev.w2v.core.query.SpellingSuggestions;
import dev.w2v.core.query.UnknownWordException;
import dev.w2v.core.train.TrainedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trained model: the vocabulary with its counts, the word vectors, and the output weights that
 * continued training goes on from ({@link Word2Vec.Builder#continueFrom(Model)}). What {@link
 * Word2Vec#train} returns, and what {@code w2v train} saves as {@code model.w2v}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Model {

  private final SavedModel saved;
  private final WordVectors vectors;
  private final String summary;
  private final Duration trainingTime;

  private Model(SavedModel saved, String summary, Duration trainingTime) {
    this.saved = saved;
    // The model never changes its arrays, so the vectors may share them.
    this.vectors =
        WordVectors.wrap(
            dev.w2v.core.vectors.WordVectors.ofOwned(
                saved.vocabulary().words(), saved.dimension(), saved.input()));
    this.summary = summary;
    this.trainingTime = trainingTime;
  }

  static Model trained(TrainedModel model, String loss) {
    return new Model(
        model.toSaved(loss, "the trained model"), model.summary(), model.trainingTime());
  }

  /**
   * Reads a model: a model file that {@link #save} or {@code w2v train} wrote, the output folder of
   * a {@code w2v train} run (its {@code model.w2v}), or a word2vec vector file, which gives a model
   * without counts or output weights.
   *
   * @throws dev.w2v.core.W2vException if it is none of these or is damaged
   */
  @Experimental
  public static Model load(Path path) {
    SavedModel saved = SavedModel.load(path);
    return new Model(saved, "loaded from " + saved.source(), Duration.ZERO);
  }

  /**
   * Writes the whole model to one file (vocabulary, counts, both matrices, the loss), replacing it
   * only once the new file is complete; {@link #load} and {@code w2v train --set continue=FILE}
   * read it. The layout may change before w2v 1.0; the word2vec files of {@link WordVectors#save}
   * will not.
   *
   * @throws dev.w2v.core.W2vException if it cannot be written
   */
  @Experimental
  public void save(Path file) {
    ModelFile.write(saved, file);
  }

  /**
   * Writes each word and its count, one {@code word count} line per word in vocabulary order, as
   * word2vec C's {@code -save-vocab} does.
   *
   * @throws dev.w2v.core.W2vException if it cannot be written
   */
  public void saveVocabulary(Path file) {
    VocabularyFile.write(saved.vocabulary(), file);
  }

  /** The word vectors (the input, or "center", vectors word2vec writes). */
  public WordVectors vectors() {
    return vectors;
  }

  /**
   * The output vectors, where the loss keeps one per word (negative sampling, softmax); empty for a
   * hierarchical softmax's inner nodes and for a model read from a vector file.
   */
  public Optional<WordVectors> outputVectors() {
    if (saved.outputRows() != saved.vocabulary().size()) {
      return Optional.empty();
    }
    return Optional.of(
        WordVectors.wrap(
            dev.w2v.core.vectors.WordVectors.ofOwned(
                saved.vocabulary().words(), saved.dimension(), saved.output())));
  }

  /** Every word, in row order: most frequent first for the fast trainer (unmodifiable). */
  public List<String> words() {
    return saved.vocabulary().words();
  }

  /** The number of words. */
  public int size() {
    return saved.vocabulary().size();
  }

  /** The dimension of the vectors. */
  public int dimension() {
    return saved.dimension();
  }

  /**
   * How often {@code word} occurred in the training corpus (summed over continued runs); 0 for
   * every word of a model read from a vector file, which holds no counts.
   *
   * @throws UnknownWordException if the word is not in the vocabulary
   */
  public long count(String word) {
    Vocabulary vocabulary = saved.vocabulary();
    int i = vocabulary.indexOf(Objects.requireNonNull(word, "word"));
    if (i < 0) {
      throw new UnknownWordException(word, SpellingSuggestions.nearest(vectors.core(), word, 5));
    }
    return vocabulary.count(i);
  }

  /** The name of the loss the output weights belong to; empty when unknown (a vector file). */
  public String loss() {
    return saved.loss();
  }

  /** One line about the run, such as {@code trained skipgram on 4680 words, dim 100, ...}. */
  public String summary() {
    return summary;
  }

  /** How long training took, reading the corpus excluded; zero for a loaded model. */
  public Duration trainingTime() {
    return trainingTime;
  }

  SavedModel saved() {
    return saved;
  }

  @Override
  public String toString() {
    return "Model[" + size() + " words, dimension " + dimension() + "]";
  }
}
