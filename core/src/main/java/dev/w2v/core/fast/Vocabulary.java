package dev.w2v.core.fast;

import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The words kept for training, most frequent first (ties in order of first appearance), with their
 * counts. Immutable.
 */
public final class Vocabulary {

  private final List<String> words;
  private final long[] counts;
  private final Map<String, Integer> index;
  private final long tokensRead;
  private final long sentencesRead;
  private final int prunings;

  private Vocabulary(
      List<String> words, long[] counts, long tokensRead, long sentencesRead, int prunings) {
    this.words = Collections.unmodifiableList(words);
    this.counts = counts;
    this.index = new HashMap<>(words.size() * 2);
    for (int i = 0; i < words.size(); i++) {
      index.put(words.get(i), i);
    }
    this.tokensRead = tokensRead;
    this.sentencesRead = sentencesRead;
    this.prunings = prunings;
  }

  /**
   * Counts the words of {@code corpus} in one streaming pass and keeps those seen at least {@code
   * minCount} times.
   *
   * <p>Memory stays bounded as in word2vec C's ReduceVocab: whenever more than {@code maxVocab}
   * distinct words are held, every word whose count so far is at most a threshold is dropped, and
   * the threshold (starting at 1) grows by one. Counts of words that survive are then lower bounds,
   * exactly as in word2vec C.
   *
   * @throws W2vException if no word is seen {@code minCount} times
   */
  public static Vocabulary count(TextCorpus corpus, int minCount, int maxVocab) {
    Counter counter = new Counter(maxVocab);
    corpus.read(counter);
    return counter.finish(minCount);
  }

  /** Builds a vocabulary directly from words and counts given in the order wanted (for tests). */
  public static Vocabulary of(List<String> words, long[] counts) {
    if (words.size() != counts.length) {
      throw new IllegalArgumentException(words.size() + " words but " + counts.length + " counts");
    }
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return new Vocabulary(new ArrayList<>(words), counts.clone(), total, 0, 0);
  }

  /** The counting pass's state: a hash map of word to count and first appearance. */
  private static final class Counter implements TextCorpus.TokenVisitor {
    private final int maxVocab;
    private final HashMap<String, long[]> entries = new HashMap<>();
    private long tokens;
    private long sentences;
    private long minReduce = 1;
    private int prunings;

    Counter(int maxVocab) {
      this.maxVocab = maxVocab;
    }

    @Override
    public void token(String token) {
      long[] entry = entries.get(token);
      if (entry == null) {
        entries.put(token, new long[] {1, tokens});
        if (entries.size() > maxVocab) {
          prune();
        }
      } else {
        entry[0]++;
      }
      tokens++;
    }

    private void prune() {
      Iterator<long[]> it = entries.values().iterator();
      while (it.hasNext()) {
        if (it.next()[0] <= minReduce) {
          it.remove();
        }
      }
      minReduce++;
      prunings++;
    }

    @Override
    public void endOfSentence() {
      sentences++;
    }

    Vocabulary finish(int minCount) {
      List<Map.Entry<String, long[]>> kept = new ArrayList<>();
      for (Map.Entry<String, long[]> e : entries.entrySet()) {
        if (e.getValue()[0] >= minCount) {
          kept.add(e);
        }
      }
      if (kept.isEmpty()) {
        throw new W2vException(
            "no word occurs at least "
                + minCount
                + " times in the corpus ("
                + tokens
                + " tokens read): lower min-count or use a larger corpus");
      }
      kept.sort(
          (a, b) -> {
            int byCount = Long.compare(b.getValue()[0], a.getValue()[0]);
            return byCount != 0 ? byCount : Long.compare(a.getValue()[1], b.getValue()[1]);
          });
      List<String> words = new ArrayList<>(kept.size());
      long[] counts = new long[kept.size()];
      for (int i = 0; i < kept.size(); i++) {
        words.add(kept.get(i).getKey());
        counts[i] = kept.get(i).getValue()[0];
      }
      return new Vocabulary(words, counts, tokens, sentences, prunings);
    }
  }

  /** The number of words V. */
  public int size() {
    return words.size();
  }

  /** The words, index order. */
  public List<String> words() {
    return words;
  }

  /** The word with index {@code i}. */
  public String word(int i) {
    return words.get(i);
  }

  /** The count of word {@code i}. */
  public long count(int i) {
    return counts[i];
  }

  /** The index of {@code word}, or -1 if it is not in the vocabulary. */
  public int indexOf(String word) {
    Integer i = index.get(word);
    return i == null ? -1 : i;
  }

  /** The counts as the API's read-only view, for losses and samplers. */
  public WordCounts wordCounts() {
    return WordCounts.of(counts);
  }

  /** A copy of the counts. */
  public long[] counts() {
    return counts.clone();
  }

  /** The number of training words N: the sum of the kept words' counts. */
  public long trainWords() {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }

  /** Every token read by the counting pass, including words not kept. */
  public long tokensRead() {
    return tokensRead;
  }

  /** The sentences (lines with at least one token) read by the counting pass; 0 if unknown. */
  public long sentencesRead() {
    return sentencesRead;
  }

  /** How many times the counting pass pruned rare words to bound its memory. */
  public int prunings() {
    return prunings;
  }
}
