package dev.w2v.core.corpus;

import dev.w2v.core.W2vException;
import java.io.Serializable;

/**
 * Which words a trainer's vocabulary keeps and in what order.
 *
 * @param order CS224n's first-appearance order with UNK, or word2vec C's by frequency
 * @param minCount words seen fewer times are left out (by frequency only)
 * @param maxVocab the counting pass holds at most this many distinct words; beyond, the rarest are
 *     pruned as word2vec C's ReduceVocab does, so counts of survivors become lower bounds
 */
public record VocabularyPolicy(Order order, int minCount, int maxVocab) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The two orderings. */
  public enum Order {
    /** {@link Vocabulary#inFirstAppearanceOrder}: every word, then UNK. */
    FIRST_APPEARANCE,
    /** {@link Vocabulary#byFrequency}: min-count, most frequent first. */
    FREQUENCY
  }

  /** Checks the bounds and says which key is wrong. */
  public VocabularyPolicy {
    if (minCount < 1) {
      throw new W2vException("min-count must be at least 1, was " + minCount);
    }
    if (maxVocab < 1) {
      throw new W2vException("max-vocab must be at least 1, was " + maxVocab);
    }
  }

  /** CS224n's: every word in order of first appearance, then UNK; nothing pruned. */
  public static VocabularyPolicy cs224n() {
    return new VocabularyPolicy(Order.FIRST_APPEARANCE, 1, Integer.MAX_VALUE);
  }

  /** word2vec C's: at least {@code minCount} occurrences, most frequent first. */
  public static VocabularyPolicy byFrequency(int minCount, int maxVocab) {
    return new VocabularyPolicy(Order.FREQUENCY, minCount, maxVocab);
  }

  /** Builds the vocabulary from the counting pass's words (in order of first appearance). */
  public Vocabulary build(java.util.List<Vocabulary.Counted> counted) {
    return order == Order.FIRST_APPEARANCE
        ? Vocabulary.inFirstAppearanceOrder(counted)
        : Vocabulary.byFrequency(counted, minCount);
  }

  /**
   * The vocabulary of a run continuing a model whose vocabulary is {@code base}: {@link
   * Vocabulary#extending} with this policy's min-count.
   *
   * @throws W2vException under CS224n's order, whose UNK row cannot stay last when words are added
   */
  public Vocabulary extend(Vocabulary base, java.util.List<Vocabulary.Counted> counted) {
    if (order == Order.FIRST_APPEARANCE) {
      throw new W2vException(
          "CS224n's vocabulary (first appearance, then UNK) cannot be extended by a new corpus;"
              + " continue training with the fast trainer");
    }
    return Vocabulary.extending(base, counted, minCount);
  }

  /** For fingerprints and logs, such as {@code frequency min-count=5}. */
  public String describe() {
    return order == Order.FIRST_APPEARANCE ? "first-appearance" : "frequency min-count=" + minCount;
  }
}
