package dev.w2v.core.train;

import dev.w2v.api.Plugin;
import dev.w2v.core.W2vException;
import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.model.SavedModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** A model to continue training from; empty to start from scratch. */
  public static final Setting CONTINUE =
      Setting.string(
          "continue",
          "",
          "continue a model: a run's folder, its model.w2v, or vectors (fast trainer)");

  /** Every pipeline key, in --help order. */
  public static final List<Setting> ALL = List.of(CORPUS, CORPUS_FORMAT, LOWERCASE, CONTINUE);

  /**
   * The defaults of plugin parameters ({@code plugin.key}) for a run of {@code trainer}: the
   * trainer's defaults for the plugins that are present, then each plugin's own defaults for this
   * trainer, which win since the plugin knows its parameters better. The command line and the
   * library layer them the same way through this.
   */
  public static Map<String, Object> pluginDefaults(
      TrainerProvider trainer, Map<String, ? extends Plugin> plugins) {
    Map<String, Object> values = new LinkedHashMap<>();
    trainer
        .defaults()
        .forEach(
            (key, value) -> {
              int dot = key.indexOf('.');
              if (dot > 0 && plugins.containsKey(key.substring(0, dot))) {
                values.put(key, value);
              }
            });
    for (Plugin plugin : plugins.values()) {
      plugin
          .defaults(trainer.name())
          .forEach((name, value) -> values.put(plugin.name() + "." + name, value));
    }
    return values;
  }

  private PipelineSettings() {}

  /**
   * The model the settings' {@code continue} key names, loaded; empty when it names none.
   *
   * @throws W2vException if {@code trainer} cannot continue training, or the model cannot be read
   */
  public static Optional<SavedModel> startingModel(Settings settings, TrainerProvider trainer) {
    String path = CONTINUE.stringValue(settings).trim();
    if (path.isEmpty()) {
      return Optional.empty();
    }
    requireContinues(trainer, path);
    return Optional.of(SavedModel.load(Path.of(path)));
  }

  /**
   * Refuses a starting model for a trainer that cannot continue one.
   *
   * @param model what the run would continue from, for the message
   * @throws W2vException unless {@link TrainerProvider#continuesTraining()}
   */
  public static void requireContinues(TrainerProvider trainer, String model) {
    if (!trainer.continuesTraining()) {
      throw new W2vException(
          "trainer '"
              + trainer.name()
              + "' cannot continue training a model (continue = "
              + model
              + "); use --trainer fast, or leave continue unset to start from scratch");
    }
  }

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
