package dev.w2v.core.corpus;

import java.util.List;

/**
 * A corpus as word indices: one {@code int[]} per sentence, never strings per token.
 *
 * @param vocabulary every word with its count
 * @param sentences the sentences, as indices into the vocabulary
 */
public record Corpus(Vocabulary vocabulary, List<int[]> sentences) {

  public Corpus {
    sentences = List.copyOf(sentences);
  }

  /** The number of tokens over all sentences. */
  public long tokens() {
    long n = 0;
    for (int[] s : sentences) {
      n += s.length;
    }
    return n;
  }
}
