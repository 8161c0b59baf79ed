package dev.w2v.library;

/**
 * A word a query found.
 *
 * @param word the word
 * @param row its row in the vectors, from 0; by word2vec convention the most frequent word is row 0
 * @param similarity its cosine similarity with the query, in [-1, 1]
 */
public record Neighbor(String word, int row, double similarity) {}
