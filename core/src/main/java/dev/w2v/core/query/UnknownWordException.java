package dev.w2v.core.query;

import dev.w2v.core.W2vException;
import java.util.List;

/** A query named a word that is not in the vocabulary; carries the nearest spellings. */
public final class UnknownWordException extends W2vException {

  private static final long serialVersionUID = 1L;

  private final String word;
  private final List<String> suggestions;

  public UnknownWordException(String word, List<String> suggestions) {
    super(
        "unknown word '"
            + word
            + "': it is not in the vocabulary"
            + (suggestions.isEmpty()
                ? ""
                : "; did you mean " + String.join(", ", suggestions) + "?"));
    this.word = word;
    this.suggestions = List.copyOf(suggestions);
  }

  /** The word that was not found. */
  public String word() {
    return word;
  }

  /** Vocabulary words spelled closest to it, best first (at most 5). */
  public List<String> suggestions() {
    return suggestions;
  }
}
