package dev.w2v.library;

/**
 * The two layouts of a word2vec vector file, as word2vec C and gensim's {@code
 * KeyedVectors.save_word2vec_format} write them; both start with a {@code V d} line.
 */
public enum VectorFormat {
  /** Per line a word and d decimal numbers; read back to the same float32 values. */
  TEXT,
  /**
   * Per word its UTF-8 bytes, a space, d little-endian float32 and a newline ({@code -binary 1}).
   */
  BINARY;

  dev.w2v.core.vectors.VectorFormat core() {
    return this == TEXT
        ? dev.w2v.core.vectors.VectorFormat.TEXT
        : dev.w2v.core.vectors.VectorFormat.BINARY;
  }
}
