package dev.w2v.core.model;

import dev.w2v.core.W2vException;
import dev.w2v.core.corpus.Vocabulary;
import dev.w2v.core.vectors.VectorFileReader;
import dev.w2v.core.vectors.WordVectors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * A trained model as a later run continues from it: the vocabulary in row order with its counts,
 * the input vectors, and the output weights where they are known. Written by {@link ModelFile} (the
 * {@code model.w2v} of a training run); made from a plain word2vec vector file too, which holds
 * neither counts nor output weights.
 *
 * <p>Holds its arrays without copying them: whoever builds one hands them over.
 */
public final class SavedModel {

  /** The name of the model file {@code w2v train} writes into its output folder. */
  public static final String FILE_NAME = "model.w2v";

  private final Vocabulary vocabulary;
  private final int dimension;
  private final float[] input;
  private final float[] output;
  private final String loss;
  private final boolean countsKnown;
  private final String source;
  private String fingerprint;

  /**
   * @param vocabulary the words in row order, with their counts (zero where unknown)
   * @param input V x d, row-major
   * @param output the output weights, rows x d, or an empty array when they are unknown
   * @param loss the loss the output weights belong to, or {@code ""} when unknown
   * @param countsKnown whether the counts are real; a vector file's words get count 0
   * @param source where the model came from, for messages
   */
  public SavedModel(
      Vocabulary vocabulary,
      int dimension,
      float[] input,
      float[] output,
      String loss,
      boolean countsKnown,
      String source) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.input = Objects.requireNonNull(input, "input");
    this.output = Objects.requireNonNull(output, "output");
    this.loss = Objects.requireNonNull(loss, "loss");
    this.source = Objects.requireNonNull(source, "source");
    if (dimension < 1 || input.length != (long) vocabulary.size() * dimension) {
      throw new IllegalArgumentException(
          "input holds " + input.length + " floats, not " + vocabulary.size() + " x " + dimension);
    }
    if (output.length % dimension != 0) {
      throw new IllegalArgumentException("output is not a whole number of rows of " + dimension);
    }
    this.dimension = dimension;
    this.countsKnown = countsKnown;
  }

  /** The words and vectors of a vector file, with unknown counts and no output weights. */
  public static SavedModel ofVectors(WordVectors vectors, String source) {
    return new SavedModel(
        Vocabulary.of(vectors.words(), new long[vectors.size()]),
        vectors.dim(),
        vectors.data(),
        new float[0],
        "",
        false,
        source);
  }

  /**
   * The model at {@code path}: a model file, a folder holding {@link #FILE_NAME} (a {@code w2v
   * train} output folder), or a word2vec vector file, text or binary.
   *
   * @throws W2vException if it is none of these, or is damaged
   */
  public static SavedModel load(Path path) {
    Path file = resolve(path);
    if (ModelFile.isModelFile(file)) {
      return ModelFile.read(file);
    }
    return ofVectors(VectorFileReader.read(file), file.toString());
  }

  /**
   * The dimension of the model at {@code path} (see {@link #load}), read from its header only.
   *
   * @throws W2vException if it cannot be read
   */
  public static int dimensionOf(Path path) {
    Path file = resolve(path);
    if (ModelFile.isModelFile(file)) {
      return ModelFile.dimensionOf(file);
    }
    return VectorFileReader.dimensionOf(file);
  }

  private static Path resolve(Path path) {
    if (Files.isDirectory(path)) {
      Path inside = path.resolve(FILE_NAME);
      if (!Files.isRegularFile(inside)) {
        throw new W2vException(
            "cannot continue from "
                + path
                + ": the folder holds no "
                + FILE_NAME
                + " (a run writes one unless save-model = false); name a model or vector file");
      }
      return inside;
    }
    if (!Files.exists(path)) {
      throw new W2vException(
          "cannot continue from " + path + ": it does not exist; check the continue path");
    }
    return path;
  }

  /** The words in row order, with their counts. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** d. */
  public int dimension() {
    return dimension;
  }

  /** The input vectors, V x d, row-major; the array itself. */
  public float[] input() {
    return input;
  }

  /** The output weights, {@link #outputRows()} x d; empty when unknown. The array itself. */
  public float[] output() {
    return output;
  }

  /** Rows of the output weights, 0 when unknown. */
  public int outputRows() {
    return output.length / dimension;
  }

  /** The loss the output weights belong to, {@code ""} when unknown. */
  public String loss() {
    return loss;
  }

  /** Whether the counts are real (false for a vector file, whose words have count 0). */
  public boolean countsKnown() {
    return countsKnown;
  }

  /** Where it came from, for messages: a path, or a description. */
  public String source() {
    return source;
  }

  /**
   * 16 hex digits that change with any word, count or weight: what a checkpoint of a continued run
   * records, so that its resume from another starting model is refused.
   */
  public synchronized String fingerprint() {
    if (fingerprint == null) {
      CRC32C crc = new CRC32C();
      update(crc, input);
      update(crc, output);
      fingerprint = vocabulary.fingerprint() + String.format("%08x", crc.getValue());
    }
    return fingerprint;
  }

  private static void update(CRC32C crc, float[] values) {
    ByteBuffer block = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < values.length; ) {
      int n = Math.min(values.length - i, block.capacity() / Float.BYTES);
      block.clear();
      block.asFloatBuffer().put(values, i, n);
      block.limit(n * Float.BYTES);
      crc.update(block);
      i += n;
    }
  }

  /**
   * Puts this model's rows into the freshly initialised matrices of a run whose vocabulary starts
   * with this model's words, in this model's order: every input row, and the output rows when both
   * this model and the run's loss have one output row per word and the loss is the same (or
   * unknown). New words keep their initialisation.
   *
   * @param runLoss the run's loss name
   * @param warnings told when the output weights cannot be reused
   * @throws W2vException if the dimensions differ or the vocabulary does not start with this one
   */
  public void copyInto(
      Vocabulary runVocabulary,
      int runDimension,
      float[] runInput,
      float[] runOutput,
      String runLoss,
      java.util.function.Consumer<String> warnings) {
    if (runDimension != dimension) {
      throw new W2vException(
          "cannot continue from "
              + source
              + ": its vectors have dimension "
              + dimension
              + " but dim is "
              + runDimension
              + "; a continued run keeps the model's dimension (set dim = "
              + dimension
              + ")");
    }
    int words = vocabulary.size();
    for (int i = 0; i < words; i++) {
      if (!vocabulary.word(i).equals(runVocabulary.word(i))) {
        throw new IllegalStateException(
            "the run's vocabulary does not start with the starting model's: row " + i);
      }
    }
    System.arraycopy(input, 0, runInput, 0, input.length);
    int runRows = runOutput.length / runDimension;
    if (output.length == 0) {
      return;
    }
    String why = null;
    if (!loss.isEmpty() && !loss.equals(runLoss)) {
      why = "they belong to loss '" + loss + "', and this run's is '" + runLoss + "'";
    } else if (outputRows() != words || runRows != runVocabulary.size()) {
      why = "loss '" + runLoss + "' does not have one output row per word";
    }
    if (why != null) {
      warnings.accept(
          "the output weights of " + source + " are not reused (" + why + "); they start at zero");
      return;
    }
    System.arraycopy(output, 0, runOutput, 0, output.length);
  }
}
