package dev.w2v.core.corpus;

import dev.w2v.api.WordCounts;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words, their indices and counts. Immutable. Index order is the caller's choice: first appearance
 * for the CS224n corpus, descending frequency for the fast trainer.
 */
public final class Vocabulary {

  /** The token CS224n appends for unknown words. */
  public static final String UNK = "UNK";

  private final List<String> words;
  private final long[] counts;
  private final Map<String, Integer> index;
  private final long total;

  /**
   * @param words distinct words; {@code counts[i]} is the count of {@code words.get(i)}
   */
  public Vocabulary(List<String> words, long[] counts) {
    if (words.size() != counts.length) {
      throw new IllegalArgumentException(words.size() + " words but " + counts.length + " counts");
    }
    this.words = List.copyOf(words);
    this.counts = counts.clone();
    Map<String, Integer> map = new HashMap<>(words.size() * 2);
    long sum = 0;
    for (int i = 0; i < words.size(); i++) {
      if (map.put(words.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate word '" + words.get(i) + "'");
      }
      sum += counts[i];
    }
    this.index = Collections.unmodifiableMap(map);
    this.total = sum;
  }

  /** V, the number of distinct words. */
  public int size() {
    return words.size();
  }

  public String word(int index) {
    return words.get(index);
  }

  public List<String> words() {
    return words;
  }

  public long count(int index) {
    return counts[index];
  }

  /** N, the sum of all counts. */
  public long totalCount() {
    return total;
  }

  /** The index of {@code word}, or -1. */
  public int indexOf(String word) {
    Integer i = index.get(word);
    return i == null ? -1 : i;
  }

  /** The counts as the plugin API's read-only view. */
  public WordCounts wordCounts() {
    return WordCounts.of(counts);
  }

  @Override
  public String toString() {
    return "Vocabulary["
        + size()
        + " words, "
        + total
        + " tokens, first "
        + words.subList(0, Math.min(5, words.size()))
        + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && words.equals(v.words) && Arrays.equals(counts, v.counts);
  }

  @Override
  public int hashCode() {
    return words.hashCode() * 31 + Arrays.hashCode(counts);
  }
}
