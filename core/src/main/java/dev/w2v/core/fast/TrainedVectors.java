package dev.w2v.core.fast;

import java.util.List;

/**
 * The result of a fast training run: the input vectors, one row per vocabulary word. The array is
 * handed over without a copy; the caller owns it.
 *
 * @param words the words, most frequent first
 * @param counts each word's count
 * @param dimension d
 * @param vectors V x d, row {@code i} is word {@code i}'s vector
 */
public record TrainedVectors(List<String> words, long[] counts, int dimension, float[] vectors) {

  /** The index of {@code word}, or -1. */
  public int indexOf(String word) {
    return words.indexOf(word);
  }

  /** The cosine similarity of words {@code a} and {@code b}. */
  public double cosine(int a, int b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < dimension; j++) {
      double x = vectors[a * dimension + j];
      double y = vectors[b * dimension + j];
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    return dot / Math.sqrt(na * nb);
  }
}
