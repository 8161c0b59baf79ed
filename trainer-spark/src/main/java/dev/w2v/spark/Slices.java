package dev.w2v.spark;

import dev.w2v.core.corpus.EncodedCorpus;

/**
 * Sentence-aligned parts of a share of the encoded corpus: the slice each round trains, and the
 * part of it each thread of a task trains. Slice {@code r} of {@code R} starts at the first
 * sentence start at or after {@code r * n / R}, so together the slices cover the share once.
 */
final class Slices {

  private Slices() {}

  /** The first position in {@code [from, to]} at or after {@code at} that starts a sentence. */
  static int sentenceStartAtOrAfter(int[] ints, int from, int to, int at) {
    int p = Math.max(from, at);
    while (p < to && p > from && ints[p - 1] != EncodedCorpus.END) {
      p++;
    }
    return Math.min(p, to);
  }

  /** The {@code parts + 1} bounds of {@code [from, to)} cut into sentence-aligned parts. */
  static int[] bounds(int[] ints, int from, int to, int parts) {
    int[] bounds = new int[parts + 1];
    bounds[0] = from;
    for (int i = 1; i < parts; i++) {
      int even = (int) (from + (long) (to - from) * i / parts);
      bounds[i] = Math.max(bounds[i - 1], sentenceStartAtOrAfter(ints, from, to, even));
    }
    bounds[parts] = to;
    return bounds;
  }

  /** The words (positions that are not sentence ends) of each of {@code rounds} slices. */
  static long[] words(int[] share, int rounds) {
    int[] bounds = bounds(share, 0, share.length, rounds);
    long[] words = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      for (int i = bounds[r]; i < bounds[r + 1]; i++) {
        if (share[i] != EncodedCorpus.END) {
          words[r]++;
        }
      }
    }
    return words;
  }
}
