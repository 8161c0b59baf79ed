package dev.w2v.core.query;

/**
 * A word found by a query.
 *
 * @param word the word
 * @param row its row in the vector file (0 = most frequent)
 * @param similarity cosine similarity with the query, in [-1, 1]
 */
public record Neighbor(String word, int row, double similarity) {}
