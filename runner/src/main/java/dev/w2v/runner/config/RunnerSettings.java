package dev.w2v.runner.config;

import dev.w2v.core.train.Setting;
import java.util.List;

/** The keys the command line itself reads, whichever trainer runs. */
public final class RunnerSettings {

  /** The trainer, by name. */
  public static final Setting TRAINER =
      Setting.string("trainer", "cs224n", "the trainer (see the list below)");

  /** The loss plugin, by name. */
  public static final Setting LOSS = Setting.string("loss", "negsampling", "the loss, by name");

  /** The sampler plugin, by name. */
  public static final Setting SAMPLER =
      Setting.string("sampler", "unigram", "the sampler of negatives, by name");

  /** The output folder. */
  public static final Setting OUT =
      Setting.string("out", "out", "folder for vectors, plots, metrics and checkpoints");

  /** Which vectors the vector files hold. */
  public static final Setting VECTORS =
      Setting.choice(
          "vectors",
          "input",
          List.of("input", "output", "sum"),
          "the vector files hold input (center), output or sum vectors");

  /** The vector files written: vectors.txt, vectors.bin or both. */
  public static final Setting VECTORS_FORMAT =
      Setting.choice(
          "vectors-format",
          "text",
          List.of("text", "binary", "both"),
          "text (vectors.txt), binary (vectors.bin, word2vec C's -binary 1) or both");

  /** A file for the vocabulary and its counts, as word2vec C's -save-vocab. */
  public static final Setting SAVE_VOCAB =
      Setting.string(
          "save-vocab",
          "",
          "each word and its count to this file, in vocabulary order (-save-vocab)");

  /** Whether model.w2v is written, the start point of a continued run. */
  public static final Setting SAVE_MODEL =
      Setting.bool(
          "save-model",
          true,
          "write model.w2v (vocabulary, counts, both matrices) for --set continue=OUT");

  /** The words of word_vectors.png: those of CS224n's run.py. */
  public static final Setting PLOT_WORDS =
      Setting.list(
          "plot-words",
          List.of(
              "great",
              "cool",
              "brilliant",
              "wonderful",
              "well",
              "amazing",
              "worth",
              "sweet",
              "enjoyable",
              "boring",
              "bad",
              "dumb",
              "annoying",
              "female",
              "male",
              "queen",
              "king",
              "man",
              "woman",
              "rain",
              "snow",
              "hail",
              "coffee",
              "tea"),
          "words of word_vectors.png");

  /** Plugin folders besides ./plugins. */
  public static final Setting PLUGIN_PATH =
      Setting.list("plugin-path", List.of(), "folders of plugin jars, besides ./plugins");

  /** An analogy file evaluated after training. */
  public static final Setting ANALOGIES =
      Setting.string(
          "analogies", "", "analogy file (questions-words.txt format) evaluated after training");

  /** Word-similarity files evaluated after training. */
  public static final Setting SIMILARITY =
      Setting.list(
          "similarity",
          List.of(),
          "word-similarity files (wordsim353.tsv format) evaluated after" + " training");

  /** Every key, in --help order. */
  public static final List<Setting> ALL =
      List.of(
          TRAINER,
          LOSS,
          SAMPLER,
          OUT,
          VECTORS,
          VECTORS_FORMAT,
          SAVE_VOCAB,
          SAVE_MODEL,
          PLOT_WORDS,
          PLUGIN_PATH,
          ANALOGIES,
          SIMILARITY);

  private RunnerSettings() {}
}
