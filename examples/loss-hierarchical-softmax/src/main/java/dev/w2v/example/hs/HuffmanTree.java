package dev.w2v.example.hs;

/**
 * word2vec C's Huffman tree (CreateBinaryTree) over the word counts: frequent words get short
 * codes. Its V-1 inner nodes are the loss's output rows. Codes and paths are kept in flat arrays,
 * indexed by word through {@link #start(int)}.
 */
final class HuffmanTree {

  private final int[] start;
  private final byte[] codes;
  private final int[] points;

  HuffmanTree(long[] counts) {
    int v = counts.length;
    if (v < 2) {
      throw new IllegalArgumentException("hs needs at least 2 words in the vocabulary, has " + v);
    }
    // word2vec C expects words sorted by count, most frequent first; sort a view, stably.
    Integer[] order = new Integer[v];
    for (int i = 0; i < v; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(counts[b], counts[a]));
    long[] count = new long[2 * v - 1];
    for (int i = 0; i < v; i++) {
      count[i] = counts[order[i]];
    }
    for (int i = v; i < 2 * v - 1; i++) {
      count[i] = Long.MAX_VALUE / 4;
    }
    int[] parent = new int[2 * v - 1];
    byte[] binary = new byte[2 * v - 1];
    int pos1 = v - 1;
    int pos2 = v;
    for (int a = 0; a < v - 1; a++) {
      int min1;
      int min2;
      if (pos1 >= 0 && count[pos1] < count[pos2]) {
        min1 = pos1--;
      } else {
        min1 = pos2++;
      }
      if (pos1 >= 0 && count[pos1] < count[pos2]) {
        min2 = pos1--;
      } else {
        min2 = pos2++;
      }
      count[v + a] = count[min1] + count[min2];
      parent[min1] = v + a;
      parent[min2] = v + a;
      binary[min2] = 1;
    }
    int root = 2 * v - 2;
    int[] lengths = new int[v];
    int total = 0;
    for (int s = 0; s < v; s++) {
      int length = 0;
      for (int b = s; b != root; b = parent[b]) {
        length++;
      }
      lengths[order[s]] = length;
      total += length;
    }
    start = new int[v + 1];
    for (int w = 0; w < v; w++) {
      start[w + 1] = start[w] + lengths[w];
    }
    codes = new byte[total];
    points = new int[total];
    for (int s = 0; s < v; s++) {
      int word = order[s];
      int length = lengths[word];
      // Walk leaf to root, writing root-first: code bit and the inner node above it.
      int i = length - 1;
      for (int b = s; b != root; b = parent[b]) {
        codes[start[word] + i] = binary[b];
        points[start[word] + i] = parent[b] - v;
        i--;
      }
    }
  }

  /** Where word {@code w}'s code begins in {@link #code} and {@link #point}. */
  int start(int w) {
    return start[w];
  }

  /** The length of word {@code w}'s code. */
  int length(int w) {
    return start[w + 1] - start[w];
  }

  /** Bit {@code i} of the flat code array (0 or 1), root first within a word. */
  int code(int i) {
    return codes[i];
  }

  /** The inner node (output row, 0..V-2) bit {@code i} decides at. */
  int point(int i) {
    return points[i];
  }
}
