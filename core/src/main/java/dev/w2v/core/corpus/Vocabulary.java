package dev.w2v.core.corpus;

import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a model trains, each with its index and count. Immutable. The index order is chosen by
 * the factory that builds it: {@link #inFirstAppearanceOrder} (CS224n's) or {@link #byFrequency}
 * (word2vec C's, which every other trainer uses). Serializable, so that a distributed trainer
 * broadcasts it to the tasks that encode their part of the corpus.
 */
public final class Vocabulary implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The token CS224n appends for unknown words. */
  public static final String UNK = "UNK";

  /**
   * A word as the counting pass saw it.
   *
   * @param firstPosition the corpus position of its first occurrence, which breaks ties of count
   */
  public record Counted(String word, long count, long firstPosition) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final List<String> words;
  private final long[] counts;
  private final Map<String, Integer> index;
  private final long total;

  private Vocabulary(List<String> words, long[] counts) {
    if (words.size() != counts.length) {
      throw new IllegalArgumentException(words.size() + " words but " + counts.length + " counts");
    }
    this.words = Collections.unmodifiableList(new ArrayList<>(words));
    this.counts = counts.clone();
    Map<String, Integer> map = new HashMap<>(Math.max(16, words.size() * 4 / 3 + 1));
    long sum = 0;
    for (int i = 0; i < counts.length; i++) {
      if (map.put(words.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate word '" + words.get(i) + "'");
      }
      if (counts[i] < 0) {
        throw new IllegalArgumentException("word '" + words.get(i) + "' has a negative count");
      }
      sum = Math.addExact(sum, counts[i]);
    }
    this.index = map;
    this.total = sum;
  }

  /** The given words in the given order with their counts. */
  public static Vocabulary of(List<String> words, long[] counts) {
    return new Vocabulary(words, counts);
  }

  /**
   * CS224n's vocabulary ({@code utils/treebank.py}): every word in order of first appearance, then
   * {@link #UNK} with count 1 (so the total is one higher), even when no word is unknown.
   *
   * @param counted every distinct word in order of first appearance
   */
  public static Vocabulary inFirstAppearanceOrder(List<Counted> counted) {
    List<String> words = new ArrayList<>(counted.size() + 1);
    long[] counts = new long[counted.size() + 1];
    boolean hasUnk = false;
    for (Counted c : counted) {
      counts[words.size()] = c.count();
      words.add(c.word());
      hasUnk |= c.word().equals(UNK);
    }
    if (hasUnk) {
      return new Vocabulary(words, Arrays.copyOf(counts, words.size()));
    }
    counts[words.size()] = 1;
    words.add(UNK);
    return new Vocabulary(words, counts);
  }

  /**
   * word2vec C's vocabulary: the words seen at least {@code minCount} times, most frequent first,
   * ties in order of first appearance.
   *
   * @throws W2vException if no word is frequent enough
   */
  public static Vocabulary byFrequency(List<Counted> counted, int minCount) {
    List<Counted> kept = new ArrayList<>();
    long tokens = 0;
    for (Counted c : counted) {
      tokens += c.count();
      if (c.count() >= minCount) {
        kept.add(c);
      }
    }
    if (kept.isEmpty()) {
      throw new W2vException(
          "no word occurs at least "
              + minCount
              + " times in the corpus ("
              + tokens
              + " tokens, "
              + counted.size()
              + " distinct words): lower min-count or use a larger corpus");
    }
    kept.sort(
        Comparator.comparingLong(Counted::count)
            .reversed()
            .thenComparingLong(Counted::firstPosition));
    List<String> words = new ArrayList<>(kept.size());
    long[] counts = new long[kept.size()];
    for (Counted c : kept) {
      counts[words.size()] = c.count();
      words.add(c.word());
    }
    return new Vocabulary(words, counts);
  }

  /**
   * The vocabulary of a run that continues a model's training, as gensim's {@code
   * build_vocab(update=True)} builds it: the model's words first, in the model's order (so that
   * their rows keep their indices), each with its count plus its count in the new corpus; then the
   * new corpus's words that the model lacks and that occur at least {@code minCount} times there,
   * most frequent first, ties in order of first appearance.
   *
   * @param counted every distinct word of the new corpus in order of first appearance
   * @throws W2vException if no token of the new corpus would be trained
   */
  public static Vocabulary extending(Vocabulary base, List<Counted> counted, int minCount) {
    long[] counts = Arrays.copyOf(base.counts, base.size());
    List<Counted> added = new ArrayList<>();
    long tokens = 0;
    long trained = 0;
    for (Counted c : counted) {
      tokens += c.count();
      int i = base.indexOf(c.word());
      if (i >= 0) {
        counts[i] = Math.addExact(counts[i], c.count());
        trained += c.count();
      } else if (c.count() >= minCount) {
        added.add(c);
        trained += c.count();
      }
    }
    if (trained == 0) {
      throw new W2vException(
          "none of the corpus's "
              + tokens
              + " tokens is a word of the model continued from, and no new word occurs "
              + minCount
              + " times: give a corpus that shares words with it, or lower min-count");
    }
    added.sort(
        Comparator.comparingLong(Counted::count)
            .reversed()
            .thenComparingLong(Counted::firstPosition));
    List<String> words = new ArrayList<>(base.words);
    long[] all = Arrays.copyOf(counts, base.size() + added.size());
    for (Counted c : added) {
      all[words.size()] = c.count();
      words.add(c.word());
    }
    return new Vocabulary(words, all);
  }

  /** V, the number of distinct words. */
  public int size() {
    return words.size();
  }

  /** The word with index {@code index}. */
  public String word(int index) {
    return words.get(index);
  }

  /** Every word, in index order (unmodifiable). */
  public List<String> words() {
    return words;
  }

  /** The count of word {@code index}. */
  public long count(int index) {
    return counts[index];
  }

  /** A copy of the counts, in index order. */
  public long[] counts() {
    return counts.clone();
  }

  /** N, the sum of all counts: the training words of word2vec C. */
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

  /**
   * A 64-bit digest of the words and counts in order, as 16 hex digits: a checkpoint records it so
   * that a resume on another corpus is refused.
   */
  public String fingerprint() {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < counts.length; i++) {
      for (byte b : words.get(i).getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xFF)) * 0x100000001b3L;
      }
      h = (h ^ 0xFF) * 0x100000001b3L;
      h = (h ^ counts[i]) * 0x100000001b3L;
    }
    return String.format("%016x", h);
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
