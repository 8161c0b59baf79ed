package dev.w2v.core.corpus;

/** How a corpus file is laid out. */
public enum CorpusFormat {
  /** SST's datasetSentences.txt: a header line, then {@code index<TAB>sentence}. */
  SST,
  /** One sentence per line, tokens separated by whitespace. */
  TEXT,
  /** SST when the first line is SST's header, else TEXT. */
  AUTO;

  /** Parses a configuration value: sst, text or auto. */
  public static CorpusFormat parse(String value) {
    for (CorpusFormat f : values()) {
      if (f.name().equalsIgnoreCase(value)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "corpus format must be sst, text or auto, not '" + value + "'");
  }
}
