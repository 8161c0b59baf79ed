package dev.w2v.core.query;

import com.google.common.base.Preconditions;
import dev.w2v.core.vectors.WordVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Interactive queries on word vectors: nearest neighbours and analogies by cosine similarity. Words
 * are looked up exactly; an unknown word raises {@link UnknownWordException} listing the five
 * nearest spellings. Immutable and thread-safe; build once per vector file.
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

  /** The {@code k} words most cosine-similar to {@code word}, the word itself excluded. */
  public List<Neighbor> nearest(String word, int k) {
    int row = rowOf(word);
    float[] query = new float[index.dim()];
    index.addUnitRow(row, 1f, query, 0);
    return search(query, new int[] {row}, k, 1f);
  }

  /**
   * Answers "a is to b as c is to ?" by 3CosAdd: the {@code k} words with the highest cosine with
   * {@code unit(b) - unit(a) + unit(c)}, a, b and c excluded. Similarities are cosines with that
   * (normalized) query vector, as gensim's {@code most_similar} reports them.
   */
  public List<Neighbor> analogy(String a, String b, String c, int k) {
    int ra = rowOf(a);
    int rb = rowOf(b);
    int rc = rowOf(c);
    float[] query = new float[index.dim()];
    index.addUnitRow(rb, 1f, query, 0);
    index.addUnitRow(ra, -1f, query, 0);
    index.addUnitRow(rc, 1f, query, 0);
    double norm = 0;
    for (float x : query) {
      norm += (double) x * x;
    }
    return search(query, new int[] {ra, rb, rc}, k, (float) Math.sqrt(norm));
  }

  private List<Neighbor> search(float[] query, int[] excluded, int k, float queryNorm) {
    Preconditions.checkArgument(k > 0, "k must be positive, got %s", k);
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
