package dev.w2v.core.query;

import com.google.common.base.Preconditions;
import dev.w2v.core.vectors.WordVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Queries on word vectors with the semantics of gensim's {@code KeyedVectors}: {@link #mostSimilar}
 * ({@code most_similar(positive, negative, topn)}), {@link #similarity} and {@link #doesntMatch},
 * plus the shorthands {@link #nearest} and {@link #analogy}. Similarities are cosines; words are
 * looked up exactly (case-sensitively, as gensim does); an unknown word raises {@link
 * UnknownWordException} listing the five nearest spellings. Immutable and thread-safe; build once
 * per vector file.
 */
public final class VectorQueries {

  private static final int SUGGESTIONS = 5;

  private final CosineIndex index;

  private VectorQueries(CosineIndex index) {
    this.index = index;
  }

  /** Queries over all rows of {@code vectors}. */
  public static VectorQueries of(WordVectors vectors) {
    return new VectorQueries(CosineIndex.of(vectors, Math.max(1, vectors.size())));
  }

  /** The row of {@code word}; throws {@link UnknownWordException} with suggestions if absent. */
  public int rowOf(String word) {
    int row = index.vectors().rowOf(word);
    if (row < 0) {
      throw new UnknownWordException(
          word, SpellingSuggestions.nearest(index.vectors(), word, SUGGESTIONS));
    }
    return row;
  }

  /**
   * The {@code k} words most cosine-similar to the mean of the unit vectors of {@code positive}
   * (weight +1) and {@code negative} (weight -1), as gensim's {@code most_similar(positive,
   * negative, topn=k)}: the input words themselves are never returned, and a similarity is the
   * cosine with the normalised mean. Fewer than {@code k} come back when the vocabulary has fewer
   * other words. A word may be given more than once; its weight then counts that often.
   *
   * @throws IllegalArgumentException if {@code k < 1} or both lists are empty
   * @throws UnknownWordException if a word is not in the vocabulary (the first such word)
   */
  public List<Neighbor> mostSimilar(List<String> positive, List<String> negative, int k) {
    Preconditions.checkArgument(k > 0, "k must be positive, got %s", k);
    Preconditions.checkArgument(
        !positive.isEmpty() || !negative.isEmpty(), "no words: give positive or negative words");
    int[] excluded = new int[positive.size() + negative.size()];
    float[] query = new float[index.dim()];
    int e = 0;
    for (String word : positive) {
      excluded[e] = rowOf(word);
      index.addUnitRow(excluded[e++], 1f, query, 0);
    }
    for (String word : negative) {
      excluded[e] = rowOf(word);
      index.addUnitRow(excluded[e++], -1f, query, 0);
    }
    // gensim divides the sum by the total weight, then normalises: only the direction matters,
    // so normalising the sum gives the same cosines.
    double norm = 0;
    for (float x : query) {
      norm += (double) x * x;
    }
    return search(query, excluded, k, (float) Math.sqrt(norm));
  }

  /**
   * The {@code k} words most cosine-similar to {@code word}: {@code mostSimilar([word], [], k)}.
   */
  public List<Neighbor> nearest(String word, int k) {
    return mostSimilar(List.of(word), List.of(), k);
  }

  /**
   * Answers "a is to b as c is to ?" by 3CosAdd: {@code mostSimilar([b, c], [a], k)}, the words
   * nearest to {@code unit(b) - unit(a) + unit(c)}, a, b and c excluded.
   */
  public List<Neighbor> analogy(String a, String b, String c, int k) {
    return mostSimilar(List.of(b, c), List.of(a), k);
  }

  /**
   * The cosine similarity of two words, in [-1, 1], as gensim's {@code similarity(w1, w2)}; 0 if
   * either vector is zero.
   *
   * @throws UnknownWordException if a word is not in the vocabulary
   */
  public double similarity(String a, String b) {
    WordVectors vectors = index.vectors();
    int ra = rowOf(a);
    int rb = rowOf(b);
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < vectors.dim(); j++) {
      double x = vectors.get(ra, j);
      double y = vectors.get(rb, j);
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /**
   * The word that does not go with the others, as gensim's {@code doesnt_match}: the one whose unit
   * vector has the lowest cosine with the normalised mean of all the words' unit vectors (on a tie,
   * the one that sorts first, as gensim's sort leaves it). Unlike gensim, which ignores unknown
   * words with a logged warning, an unknown word is an error: a mistyped word would otherwise
   * change the answer silently.
   *
   * @throws IllegalArgumentException if fewer than three words are given (with two, both are
   *     equally far from their mean)
   * @throws UnknownWordException if a word is not in the vocabulary
   */
  public String doesntMatch(List<String> words) {
    Preconditions.checkArgument(
        words.size() >= 3,
        "doesntMatch needs at least three words, got %s: with two, both are equally far from their"
            + " mean",
        words.size());
    int d = index.dim();
    int[] rows = new int[words.size()];
    float[] units = new float[words.size() * d];
    float[] mean = new float[d];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = rowOf(words.get(i));
      index.addUnitRow(rows[i], 1f, units, i * d);
      index.addUnitRow(rows[i], 1f, mean, 0);
    }
    String odd = null;
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < rows.length; i++) {
      // The cosine with the mean, up to the mean's positive length, which ranks the same.
      double dot = 0;
      for (int j = 0; j < d; j++) {
        dot += (double) units[i * d + j] * mean[j];
      }
      String word = words.get(i);
      if (dot < lowest || (dot == lowest && word.compareTo(odd) < 0)) {
        lowest = dot;
        odd = word;
      }
    }
    return odd;
  }

  private List<Neighbor> search(float[] query, int[] excluded, int k, float queryNorm) {
    // more than the vocabulary cannot be returned, and must not be allocated
    TopK top = new TopK(Math.min(k, Math.max(1, index.size())));
    index.search(query, 1, excluded, excluded.length, new TopK[] {top});
    List<Neighbor> out = new ArrayList<>(top.size());
    for (int row : top.rowsBestFirst()) {
      double similarity = queryNorm == 0 ? 0 : top.scoreOf(row) / queryNorm;
      out.add(new Neighbor(index.vectors().word(row), row, similarity));
    }
    return out;
  }
}
