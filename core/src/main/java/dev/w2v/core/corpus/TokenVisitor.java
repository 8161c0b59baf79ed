package dev.w2v.core.corpus;

/** Receives a corpus's tokens in order, one sentence (line) at a time. */
public interface TokenVisitor {

  /** One token, already lower-cased if the source lower-cases. */
  void token(String token);

  /** The end of a line that held at least one token. */
  void endOfSentence();
}
