package dev.w2v.core.vectors;

import com.google.common.base.Preconditions;
import dev.w2v.core.W2vException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A vocabulary of words with one float32 vector each, stored row-major in a single flat array: row
 * {@code i} is {@code data[i*dim, (i+1)*dim)}. Row order is the file's order, which by word2vec
 * convention is descending frequency, so row 0 is the most frequent word.
 *
 * <p>Immutable: the constructor copies nothing but never exposes the array; {@link #data()} returns
 * a copy and {@link #vector(int)} a read-only view.
 */
public final class WordVectors {

  private final String[] words;
  private final int dim;
  private final float[] data;
  private final Map<String, Integer> index;

  private WordVectors(String[] words, int dim, float[] data, Map<String, Integer> index) {
    this.words = words;
    this.dim = dim;
    this.data = data;
    this.index = index;
  }

  /**
   * Builds vectors from words and a flat row-major array (both copied).
   *
   * @throws W2vException if a word repeats
   */
  public static WordVectors of(List<String> words, int dim, float[] data) {
    Preconditions.checkArgument(dim > 0, "dim must be positive, got %s", dim);
    Preconditions.checkArgument(
        (long) words.size() * dim == data.length,
        "data has %s floats but %s words x %s dims need %s",
        data.length,
        words.size(),
        dim,
        (long) words.size() * dim);
    String[] w = words.toArray(new String[0]);
    return new WordVectors(w, dim, data.clone(), buildIndex(w, "the given word list"));
  }

  /**
   * Like {@link #of} but takes ownership of {@code data} instead of copying it: for a trainer that
   * has finished with its matrix, where a copy would add V x d floats to the peak memory. The
   * caller must not change {@code data} afterwards.
   */
  public static WordVectors ofOwned(List<String> words, int dim, float[] data) {
    Preconditions.checkArgument(dim > 0, "dim must be positive, got %s", dim);
    Preconditions.checkArgument(
        (long) words.size() * dim == data.length,
        "data has %s floats but %s words x %s dims need %s",
        data.length,
        words.size(),
        dim,
        (long) words.size() * dim);
    String[] w = words.toArray(new String[0]);
    return new WordVectors(w, dim, data, buildIndex(w, "the given word list"));
  }

  /** Takes ownership of the arrays: for readers that built them and will not touch them again. */
  static WordVectors adopt(String[] words, int dim, float[] data, Map<String, Integer> index) {
    return new WordVectors(words, dim, data, index);
  }

  static Map<String, Integer> buildIndex(String[] words, String source) {
    Map<String, Integer> index = new HashMap<>(Math.max(16, words.length * 4 / 3 + 1));
    for (int i = 0; i < words.length; i++) {
      Integer previous = index.putIfAbsent(words[i], i);
      if (previous != null) {
        throw new W2vException(
            "duplicate word '"
                + words[i]
                + "' in "
                + source
                + " (rows "
                + (previous + 1)
                + " and "
                + (i + 1)
                + "): each word must appear once");
      }
    }
    return index;
  }

  /** Number of words. */
  public int size() {
    return words.length;
  }

  /** Vector dimension. */
  public int dim() {
    return dim;
  }

  /** The word of row {@code i}. */
  public String word(int i) {
    return words[i];
  }

  /** All words in row order (unmodifiable). */
  public List<String> words() {
    return Collections.unmodifiableList(Arrays.asList(words));
  }

  /** The row of {@code word}, if present (exact, case-sensitive). */
  public Optional<Integer> indexOf(String word) {
    return Optional.ofNullable(index.get(word));
  }

  /** The row of {@code word}, or -1. */
  public int rowOf(String word) {
    Integer i = index.get(word);
    return i == null ? -1 : i;
  }

  /** A read-only view of row {@code i}; position 0 is the first component. */
  public FloatBuffer vector(int i) {
    Preconditions.checkElementIndex(i, words.length, "row");
    return FloatBuffer.wrap(data, i * dim, dim).slice().asReadOnlyBuffer();
  }

  /** Component {@code j} of row {@code i}. */
  public float get(int i, int j) {
    return data[i * dim + j];
  }

  /** A copy of the flat row-major data. */
  public float[] data() {
    return data.clone();
  }

  /**
   * The backing array, shared and not copied, for hot loops in this module. Callers in core must
   * never write to it.
   */
  float[] sharedData() {
    return data;
  }

  /** Copies row {@code i} into {@code out} at {@code offset}. */
  public void copyRow(int i, float[] out, int offset) {
    System.arraycopy(data, i * dim, out, offset, dim);
  }

  /**
   * A copy whose rows have unit Euclidean length. Zero rows stay zero (as in gensim), so they have
   * cosine 0 with everything. Norms are computed in double to limit rounding.
   */
  public WordVectors unitNormalized() {
    float[] out = new float[data.length];
    for (int i = 0; i < words.length; i++) {
      int base = i * dim;
      double sum = 0;
      for (int j = 0; j < dim; j++) {
        sum += (double) data[base + j] * data[base + j];
      }
      double norm = Math.sqrt(sum);
      if (norm > 0) {
        for (int j = 0; j < dim; j++) {
          out[base + j] = (float) (data[base + j] / norm);
        }
      }
    }
    return new WordVectors(words, dim, out, index);
  }

  /** The first {@code n} rows (all rows if there are fewer), sharing nothing mutable. */
  public WordVectors firstRows(int n) {
    int m = Math.min(n, words.length);
    if (m == words.length) {
      return this;
    }
    String[] w = Arrays.copyOf(words, m);
    return new WordVectors(w, dim, Arrays.copyOf(data, m * dim), buildIndex(w, "the vectors"));
  }
}
