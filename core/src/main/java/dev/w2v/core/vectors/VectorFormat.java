package dev.w2v.core.vectors;

/** The two word2vec vector file layouts, as word2vec C and gensim write them. */
public enum VectorFormat {
  /** {@code V d} header, then per line a word and d decimal numbers separated by spaces. */
  TEXT,
  /**
   * {@code V d} header, then per word: UTF-8 bytes, a space, d little-endian float32, {@code \n}.
   */
  BINARY
}
