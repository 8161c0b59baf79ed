package dev.w2v.core.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counting pass: each distinct token with its count and first position, in order of first
 * appearance, in memory bounded as word2vec C's ReduceVocab bounds it. Whenever more than {@code
 * maxVocab} distinct tokens are held, every token counted at most a threshold so far is dropped and
 * the threshold (starting at 1) grows by one; counts of the tokens that survive are then lower
 * bounds. Not thread-safe; a distributed trainer counts each partition with its own and merges the
 * results.
 */
public final class WordCounter implements TokenVisitor {

  private final int maxVocab;
  private final Map<String, Integer> ids = new HashMap<>();
  private String[] words = new String[1024];
  private long[] counts = new long[1024];
  private long[] firstPositions = new long[1024];
  private int issued;
  private long tokens;
  private long sentences;
  private long minReduce = 1;
  private int prunings;
  private boolean stableIds = true;

  /** A counter that prunes beyond {@code maxVocab} distinct tokens. */
  public WordCounter(int maxVocab) {
    if (maxVocab < 1) {
      throw new IllegalArgumentException("maxVocab must be at least 1, was " + maxVocab);
    }
    this.maxVocab = maxVocab;
  }

  /** Counts {@code token}; see {@link #add(String)}. */
  @Override
  public void token(String token) {
    add(token);
  }

  /**
   * Counts one occurrence and returns the token's id: ids are issued in order of first appearance
   * and stay valid while {@link #stableIds()} holds; a pruned token that comes back gets a new id.
   */
  int add(String token) {
    Integer id = ids.get(token);
    if (id == null) {
      if (issued == words.length) {
        if (words.length >= 1 << 30) {
          throw new dev.w2v.core.W2vException(
              "the corpus has more than 2^30 distinct tokens to count; lower max-vocab or give"
                  + " the corpus as a file rather than on standard input");
        }
        int n = 2 * words.length;
        words = Arrays.copyOf(words, n);
        counts = Arrays.copyOf(counts, n);
        firstPositions = Arrays.copyOf(firstPositions, n);
      }
      id = issued++;
      ids.put(token, id);
      words[id] = token;
      firstPositions[id] = tokens;
      if (ids.size() > maxVocab) {
        counts[id] = 1;
        tokens++;
        prune();
        Integer after = ids.get(token);
        return after == null ? -1 : after;
      }
    }
    counts[id]++;
    tokens++;
    return id;
  }

  @Override
  public void endOfSentence() {
    sentences++;
  }

  /**
   * Lets pruning renumber the surviving tokens compactly, once the caller no longer needs the ids
   * issued so far: it keeps the arrays the size of the vocabulary instead of every id ever issued.
   */
  void releaseIds() {
    stableIds = false;
  }

  /** Whether the ids issued so far still name the tokens they were issued for. */
  boolean stableIds() {
    return stableIds;
  }

  /** How many ids were issued: an upper bound of every id returned. */
  int idsIssued() {
    return issued;
  }

  private void prune() {
    for (int id = 0; id < issued; id++) {
      if (words[id] != null && counts[id] <= minReduce) {
        ids.remove(words[id]);
        words[id] = null;
        counts[id] = 0;
      }
    }
    minReduce++;
    prunings++;
    if (!stableIds) {
      int next = 0;
      for (int id = 0; id < issued; id++) {
        if (words[id] != null) {
          words[next] = words[id];
          counts[next] = counts[id];
          firstPositions[next] = firstPositions[id];
          ids.put(words[next], next);
          next++;
        }
      }
      Arrays.fill(words, next, issued, null);
      issued = next;
    }
  }

  /** Every distinct token still held, in order of first appearance. */
  public List<Vocabulary.Counted> counted() {
    List<Vocabulary.Counted> out = new ArrayList<>(ids.size());
    for (int id = 0; id < issued; id++) {
      if (words[id] != null) {
        out.add(new Vocabulary.Counted(words[id], counts[id], firstPositions[id]));
      }
    }
    return out;
  }

  /** For each id issued, its index in {@code vocabulary}, or -1 for a token left out or pruned. */
  int[] indexIn(Vocabulary vocabulary) {
    int[] map = new int[issued];
    for (int id = 0; id < issued; id++) {
      map[id] = words[id] == null ? -1 : vocabulary.indexOf(words[id]);
    }
    return map;
  }

  /** Every token read, including those not kept. */
  public long tokens() {
    return tokens;
  }

  /** Lines with at least one token. */
  public long sentences() {
    return sentences;
  }

  /** How often rare tokens were pruned to bound memory. */
  public int prunings() {
    return prunings;
  }
}
