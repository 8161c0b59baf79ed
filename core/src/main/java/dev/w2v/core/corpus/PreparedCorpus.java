package dev.w2v.core.corpus;

import dev.w2v.core.W2vException;
import java.util.Objects;

/**
 * The shared front of every local training run: a corpus read once, its vocabulary, and the corpus
 * encoded with it.
 *
 * <p>One pass over the text does both jobs: while counting, each token is written as a provisional
 * id (its order of first appearance), and once the vocabulary is known the ids are rewritten to
 * vocabulary indices in place. Standard input, which can be read only once, is thus read once, and
 * a large corpus's text is tokenized once instead of twice. Only when the counting pass had to
 * prune rare words (more than {@code max-vocab} distinct tokens) is a rereadable source read a
 * second time, so that every occurrence of a surviving word is trained, as in word2vec C.
 *
 * @param vocabulary the words kept, in the policy's order
 * @param corpus the text as vocabulary indices and sentence ends
 * @param statistics what the counting pass saw
 */
public record PreparedCorpus(
    Vocabulary vocabulary, EncodedCorpus corpus, CorpusStatistics statistics) {

  /** Checks that nothing is missing. */
  public PreparedCorpus {
    Objects.requireNonNull(vocabulary, "vocabulary");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(statistics, "statistics");
  }

  /**
   * What reading the corpus found.
   *
   * @param tokens every token read, kept or not
   * @param sentences lines with at least one token
   * @param distinctWords distinct tokens held at the end of counting
   * @param prunings how often rare tokens were pruned to bound memory
   * @param trainingWords word positions of the encoded corpus (tokens of kept words)
   * @param mapped whether the encoded corpus lives in a memory-mapped file
   */
  public record CorpusStatistics(
      long tokens,
      long sentences,
      long distinctWords,
      int prunings,
      long trainingWords,
      boolean mapped) {}

  /**
   * Reads {@code source}, builds its vocabulary under {@code policy} and encodes it.
   *
   * @param maxInMemory positions (words and sentence ends) kept in an int array; beyond, the
   *     encoded corpus goes to a memory-mapped temporary file
   * @throws W2vException on unreadable or invalid input, or a corpus without a word to keep
   */
  public static PreparedCorpus prepare(
      CorpusSource source, VocabularyPolicy policy, long maxInMemory) {
    return prepare(source, policy, maxInMemory, null);
  }

  /**
   * Reads {@code source} for a run that continues a model: its vocabulary is {@code base}'s words
   * followed by the corpus's new ones ({@link VocabularyPolicy#extend}); null {@code base} builds a
   * fresh vocabulary as {@link #prepare(CorpusSource, VocabularyPolicy, long)} does.
   *
   * @throws W2vException on unreadable or invalid input, or a corpus without a word to train
   */
  public static PreparedCorpus prepare(
      CorpusSource source, VocabularyPolicy policy, long maxInMemory, Vocabulary base) {
    WordCounter counter = new WordCounter(policy.maxVocab());
    EncodedCorpus.Builder[] provisional = {new EncodedCorpus.Builder(maxInMemory, 0)};
    source.read(
        new TokenVisitor() {
          @Override
          public void token(String token) {
            int id = counter.add(token);
            EncodedCorpus.Builder builder = provisional[0];
            if (builder == null) {
              return;
            }
            if (counter.prunings() > 0 && source.rereadable()) {
              // The ids of pruned words are lost; the second pass will encode everything.
              builder.discard();
              provisional[0] = null;
              counter.releaseIds();
              return;
            }
            builder.word(id);
          }

          @Override
          public void endOfSentence() {
            counter.endOfSentence();
            if (provisional[0] != null) {
              provisional[0].endOfSentence();
            }
          }
        });
    if (counter.tokens() == 0) {
      throw new W2vException(source + " holds no words; give a corpus with text in it");
    }
    var counted = counter.counted();
    Vocabulary vocabulary = base == null ? policy.build(counted) : policy.extend(base, counted);
    EncodedCorpus encoded =
        provisional[0] != null
            ? provisional[0].remap(counter.indexIn(vocabulary), maxInMemory)
            : EncodedCorpus.encode(source, vocabulary, maxInMemory);
    return new PreparedCorpus(
        vocabulary,
        encoded,
        new CorpusStatistics(
            counter.tokens(),
            counter.sentences(),
            counted.size(),
            counter.prunings(),
            encoded.words(),
            encoded.mapped()));
  }
}
