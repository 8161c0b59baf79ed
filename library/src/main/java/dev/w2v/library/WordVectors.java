package dev.w2v.library;

import dev.w2v.core.W2vException;
import dev.w2v.core.model.ModelFile;
import dev.w2v.core.query.SpellingSuggestions;
import dev.w2v.core.query.UnknownWordException;
import dev.w2v.core.query.VectorQueries;
import dev.w2v.core.vectors.VectorFileReader;
import dev.w2v.core.vectors.VectorFileWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Words with one vector each, and the queries gensim's {@code KeyedVectors} answers: {@link
 * #mostSimilar(List, List, int)} ({@code most_similar(positive, negative, topn)}), {@link
 * #similarity} and {@link #doesntMatch}, with the same results on the same file. Similarities are
 * cosines; words are matched exactly, case included.
 *
 * <p>Immutable and thread-safe. The first query builds an index of unit vectors (as many floats
 * again as the vectors), shared by every later query.
 */
public final class WordVectors {

  private final dev.w2v.core.vectors.WordVectors vectors;
  private volatile VectorQueries queries;

  private WordVectors(dev.w2v.core.vectors.WordVectors vectors) {
    this.vectors = vectors;
  }

  static WordVectors wrap(dev.w2v.core.vectors.WordVectors vectors) {
    return new WordVectors(vectors);
  }

  /**
   * Vectors for {@code words}, row {@code i} being {@code data[i * dimension, (i + 1) *
   * dimension)}; both are copied.
   *
   * @throws W2vException if a word repeats or the sizes do not agree
   */
  public static WordVectors of(List<String> words, int dimension, float[] data) {
    if (dimension < 1 || (long) words.size() * dimension != data.length) {
      throw new W2vException(
          "vectors of "
              + words.size()
              + " words x dimension "
              + dimension
              + " need "
              + (long) words.size() * dimension
              + " floats, but "
              + data.length
              + " were given");
    }
    return new WordVectors(dev.w2v.core.vectors.WordVectors.of(words, dimension, data));
  }

  /**
   * Reads a word2vec vector file, text or binary (detected), as written by w2v, word2vec C, gensim
   * or fastText; or the input vectors of a {@code model.w2v} that {@link Model#save} wrote.
   *
   * @throws W2vException naming the file and, for a malformed one, the line or byte offset
   */
  public static WordVectors load(Path file) {
    if (ModelFile.isModelFile(file)) {
      return Model.load(file).vectors();
    }
    return new WordVectors(VectorFileReader.read(file));
  }

  /**
   * Writes these vectors to {@code file} in {@code format}, replacing it; gensim's {@code
   * KeyedVectors.load_word2vec_format} and word2vec C read it back exactly.
   *
   * @throws W2vException if a word holds a space or newline, or the file cannot be written
   */
  public void save(Path file, VectorFormat format) {
    Objects.requireNonNull(format, "format");
    VectorFileWriter.write(vectors, file, format.core());
  }

  /** The number of words. */
  public int size() {
    return vectors.size();
  }

  /** The dimension of every vector. */
  public int dimension() {
    return vectors.dim();
  }

  /** Every word, in row order (unmodifiable). */
  public List<String> words() {
    return vectors.words();
  }

  /** Whether {@code word} has a vector (exact match, case included). */
  public boolean contains(String word) {
    return vectors.rowOf(Objects.requireNonNull(word, "word")) >= 0;
  }

  /**
   * The row of {@code word}: 0 for the first word of the file.
   *
   * @throws UnknownWordException naming the nearest spellings, if it has none
   */
  public int rowOf(String word) {
    int row = vectors.rowOf(Objects.requireNonNull(word, "word"));
    if (row < 0) {
      throw new UnknownWordException(word, SpellingSuggestions.nearest(vectors, word, 5));
    }
    return row;
  }

  /**
   * A copy of the vector of {@code word}.
   *
   * @throws UnknownWordException naming the nearest spellings, if it has none
   */
  public float[] vector(String word) {
    int row = rowOf(word);
    float[] out = new float[vectors.dim()];
    vectors.copyRow(row, out, 0);
    return out;
  }

  /**
   * The {@code k} words most similar to the mean of the unit vectors of {@code positive} minus
   * those of {@code negative}, best first, as gensim's {@code most_similar(positive, negative,
   * topn=k)}: the given words are never among them, and fewer than {@code k} come back only when
   * the vocabulary has no more words.
   *
   * @throws W2vException if {@code k < 1} or no word is given
   * @throws UnknownWordException for the first word without a vector
   */
  public List<Neighbor> mostSimilar(List<String> positive, List<String> negative, int k) {
    checkK(k);
    if (positive.isEmpty() && negative.isEmpty()) {
      throw new W2vException("mostSimilar needs a word: give positive or negative words");
    }
    List<Neighbor> out = new ArrayList<>();
    for (var n : queries().mostSimilar(positive, negative, k)) {
      out.add(new Neighbor(n.word(), n.row(), n.similarity()));
    }
    return List.copyOf(out);
  }

  /**
   * The {@code k} words nearest to {@code word}: {@code mostSimilar(List.of(word), List.of(), k)}.
   */
  public List<Neighbor> mostSimilar(String word, int k) {
    return mostSimilar(List.of(word), List.of(), k);
  }

  /**
   * "a is to b as c is to ?" by 3CosAdd: {@code mostSimilar(List.of(b, c), List.of(a), k)}.
   *
   * @throws UnknownWordException for the first word without a vector
   */
  public List<Neighbor> analogy(String a, String b, String c, int k) {
    return mostSimilar(List.of(b, c), List.of(a), k);
  }

  /**
   * The cosine similarity of two words, in [-1, 1], as gensim's {@code similarity(w1, w2)}; 0 if
   * either vector is zero.
   *
   * @throws UnknownWordException for the first word without a vector
   */
  public double similarity(String a, String b) {
    return queries().similarity(a, b);
  }

  /**
   * The word that goes least with the others, as gensim's {@code doesnt_match}: the one farthest
   * from the mean of their unit vectors. Unlike gensim, a word without a vector is an error rather
   * than silently left out.
   *
   * @throws W2vException if fewer than three words are given
   * @throws UnknownWordException for the first word without a vector
   */
  public String doesntMatch(List<String> words) {
    if (words.size() < 3) {
      throw new W2vException(
          "doesntMatch needs at least three words, got "
              + words.size()
              + ": with two, both are equally far from their mean");
    }
    return queries().doesntMatch(words);
  }

  dev.w2v.core.vectors.WordVectors core() {
    return vectors;
  }

  private static void checkK(int k) {
    if (k < 1) {
      throw new W2vException("k must be at least 1, got " + k + ": it is how many words to return");
    }
  }

  private VectorQueries queries() {
    VectorQueries q = queries;
    if (q == null) {
      synchronized (this) {
        q = queries;
        if (q == null) {
          q = VectorQueries.of(vectors);
          queries = q;
        }
      }
    }
    return q;
  }

  @Override
  public String toString() {
    return "WordVectors[" + size() + " words, dimension " + dimension() + "]";
  }
}
