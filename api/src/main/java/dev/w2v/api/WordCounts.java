package dev.w2v.api;

import java.util.Arrays;

/** A read-only view of the vocabulary's counts: word {@code i} occurred {@code count(i)} times. */
public final class WordCounts {

  private final long[] counts;
  private final long total;

  private WordCounts(long[] counts) {
    long sum = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException(
            "word counts must not be negative: word " + i + " has " + counts[i]);
      }
      sum = Math.addExact(sum, counts[i]);
    }
    this.counts = counts;
    this.total = sum;
  }

  /** A view of a copy of {@code counts}. */
  public static WordCounts of(long... counts) {
    return new WordCounts(counts.clone());
  }

  /** The vocabulary size V. */
  public int size() {
    return counts.length;
  }

  /** How often word {@code word} occurred. */
  public long count(int word) {
    return counts[word];
  }

  /** The sum of all counts. */
  public long total() {
    return total;
  }

  /** A copy of the counts, indexed by word. */
  public long[] toArray() {
    return counts.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WordCounts other && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "WordCounts[size=" + counts.length + ", total=" + total + "]";
  }
}
