package dev.w2v.core.eval;

import dev.w2v.core.vectors.WordVectors;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words an evaluation may use, as gensim sees them: only the first {@code restrict} rows, and
 * when case-insensitive, each word upper-cased, the first (most frequent) of several case variants
 * winning.
 */
final class EvalVocabulary {

  private final Map<String, Integer> rows;
  private final boolean caseInsensitive;

  EvalVocabulary(WordVectors vectors, int restrict, boolean caseInsensitive) {
    this.caseInsensitive = caseInsensitive;
    int n = Math.min(restrict, vectors.size());
    this.rows = new HashMap<>(n * 4 / 3 + 1);
    for (int i = 0; i < n; i++) {
      rows.putIfAbsent(key(vectors.word(i)), i);
    }
  }

  /** The form questions and words are compared in (upper case when case-insensitive). */
  String key(String word) {
    return caseInsensitive ? word.toUpperCase(Locale.ROOT) : word;
  }

  /** The row of an already keyed word, or -1. */
  int row(String key) {
    Integer row = rows.get(key);
    return row == null ? -1 : row;
  }
}
