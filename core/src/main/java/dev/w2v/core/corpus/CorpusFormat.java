package dev.w2v.core.corpus;

import dev.w2v.core.W2vException;
import java.util.Locale;

/** How a corpus file is laid out. */
public enum CorpusFormat {
  /** SST's datasetSentences.txt: a header line, then {@code index<TAB>sentence}. */
  SST,
  /** One sentence per line, tokens separated by whitespace. */
  TEXT,
  /** SST when the first line is SST's header, else TEXT; decided per file. */
  AUTO;

  /** The first line of SST's datasetSentences.txt. */
  static final String SST_HEADER = "sentence_index\tsentence";

  /**
   * Parses a configuration value: sst, text or auto.
   *
   * @throws W2vException naming the accepted values
   */
  public static CorpusFormat parse(String value) {
    for (CorpusFormat f : values()) {
      if (f.name().equalsIgnoreCase(value.trim())) {
        return f;
      }
    }
    throw new W2vException("corpus-format must be sst, text or auto, not '" + value + "'");
  }

  /** The configuration value of this format. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
