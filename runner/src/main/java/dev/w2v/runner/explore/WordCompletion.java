package dev.w2v.runner.explore;

import dev.w2v.core.vectors.WordVectors;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Completes a prefix from the vocabulary, case-insensitively, the most frequent words first (the
 * file's row order). Built once: the lower-cased words sorted with their rows, so a prefix is a
 * range found by binary search, and only that range is scanned for its most frequent entries.
 */
final class WordCompletion {

  private final WordVectors vectors;
  private final String[] sortedKeys;
  private final int[] sortedRows;

  WordCompletion(WordVectors vectors) {
    this.vectors = vectors;
    int n = vectors.size();
    String[] keys = new String[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      keys[i] = key(vectors.word(i));
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
    sortedKeys = new String[n];
    sortedRows = new int[n];
    for (int i = 0; i < n; i++) {
      sortedKeys[i] = keys[order[i]];
      sortedRows[i] = order[i];
    }
  }

  private static String key(String word) {
    return word.toLowerCase(Locale.ROOT);
  }

  /**
   * Up to {@code limit} words starting with {@code prefix} (ignoring case), most frequent first.
   */
  List<String> complete(String prefix, int limit) {
    String p = key(prefix);
    int from = lowerBound(p);
    // Keep the `limit` smallest rows of the range: a max-heap on the row.
    PriorityQueue<Integer> best = new PriorityQueue<>(limit + 1, (a, b) -> Integer.compare(b, a));
    for (int i = from; i < sortedKeys.length && sortedKeys[i].startsWith(p); i++) {
      int row = sortedRows[i];
      if (best.size() < limit) {
        best.add(row);
      } else if (row < best.peek()) {
        best.poll();
        best.add(row);
      }
    }
    return best.stream().sorted().map(vectors::word).toList();
  }

  private int lowerBound(String p) {
    int lo = 0;
    int hi = sortedKeys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sortedKeys[mid].compareTo(p) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
