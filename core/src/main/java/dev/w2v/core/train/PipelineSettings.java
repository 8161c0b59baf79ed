package dev.w2v.core.train;

import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import java.nio.file.Path;
import java.util.List;

/**
 * The keys of the shared pipeline, read the same way whichever trainer runs: which corpus, in which
 * format, lower-cased or not. A trainer may give them other defaults ({@link
 * TrainerProvider#defaults()}).
 */
public final class PipelineSettings {

  /** Files and folders of text, {@code -} for standard input; empty for the bundled corpus. */
  public static final Setting CORPUS =
      Setting.list(
          "corpus",
          List.of(),
          "files or folders of text, one sentence per line (.gz read as is, - for stdin);"
              + " empty: the bundled SST");

  /** sst, text or auto. */
  public static final Setting CORPUS_FORMAT =
      Setting.choice(
          "corpus-format",
          "auto",
          List.of("sst", "text", "auto"),
          "sst, text, or auto (sst when a file starts with SST's header)");

  /** Lower-case every token while reading. */
  public static final Setting LOWERCASE =
      Setting.bool("lowercase", true, "lower-case every token while reading");

  /** Every pipeline key, in --help order. */
  public static final List<Setting> ALL = List.of(CORPUS, CORPUS_FORMAT, LOWERCASE);

  private PipelineSettings() {}

  /**
   * The corpus the settings name, or {@code bundled} when they name none.
   *
   * @throws dev.w2v.core.W2vException if a path does not exist or a value is invalid
   */
  public static CorpusSource corpus(Settings settings, Path bundled) {
    List<String> paths = CORPUS.listValue(settings);
    return CorpusSource.of(
        paths.isEmpty() ? List.of(bundled.toString()) : paths,
        CorpusFormat.parse(CORPUS_FORMAT.stringValue(settings)),
        LOWERCASE.booleanValue(settings));
  }
}
