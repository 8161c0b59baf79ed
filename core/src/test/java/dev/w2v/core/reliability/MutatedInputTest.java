package dev.w2v.core.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.Checkpoint;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.corpus.PreparedCorpus;
import dev.w2v.core.corpus.VocabularyPolicy;
import dev.w2v.core.testing.Mutations;
import dev.w2v.core.train.Matrices;
import dev.w2v.core.vectors.VectorFileReader;
import dev.w2v.core.vectors.VectorFileWriter;
import dev.w2v.core.vectors.VectorFormat;
import dev.w2v.core.vectors.WordVectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The reliability suite: every reader of user files is fed damaged copies of valid files, and
 * nothing but the project's own one-line errors may come out. An exception of another kind (an
 * IndexOutOfBounds, a NegativeArraySize, an OutOfMemoryError from a length read as a size) is a
 * bug: the user would see "internal error" instead of what is wrong with the file.
 */
class MutatedInputTest {

  private static Path dir;
  private static byte[] textVectors;
  private static byte[] binaryVectors;
  private static byte[] corpus;
  private static byte[] gzipCorpus;
  private static byte[] checkpoint;

  @BeforeContainer
  static void writeValidFiles() throws IOException {
    dir = Files.createTempDirectory("w2v-mutations");
    float[] data = new float[40 * 6];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) Math.sin(i) * (i % 7 - 3);
    }
    List<String> words = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      words.add(i % 2 == 0 ? "wörd" + i : "w" + i);
    }
    WordVectors vectors = WordVectors.of(words, 6, data);
    VectorFileWriter.write(vectors, dir.resolve("v.txt"), VectorFormat.TEXT);
    VectorFileWriter.write(vectors, dir.resolve("v.bin"), VectorFormat.BINARY);
    textVectors = Files.readAllBytes(dir.resolve("v.txt"));
    binaryVectors = Files.readAllBytes(dir.resolve("v.bin"));
    corpus =
        ("sentence_index\tsentence\n1\tThe cat sat on the mat .\n2\tA dog , a café .\n"
                + "3\tnaïve 日本語 text\n")
            .repeat(20)
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(corpus);
    }
    gzipCorpus = gz.toByteArray();
    Path saved =
        new CheckpointStore(dir.resolve("c"), 1)
            .save(
                new Checkpoint(
                    "trainer=fast\nlr=0.025\n",
                    1234,
                    0.02,
                    2.5,
                    List.of(new long[] {1, 2, 3, 4}, new long[] {5, 6, 7, 8}),
                    List.of(data, new float[12]),
                    List.of(new long[] {1, 2, 3}, new long[] {4})));
    checkpoint = Files.readAllBytes(saved);
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static Path write(String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code read}; passes if it succeeds or fails with the project's own error. */
  private static void onlyOwnErrors(Runnable read) {
    try {
      read.run();
    } catch (W2vException expected) {
      String message = expected.getMessage();
      assertTrue(message != null && !message.isBlank() && !message.contains("\n"), message);
    }
  }

  @Provide
  Arbitrary<byte[]> textVectorFiles() {
    return Mutations.of(textVectors);
  }

  @Provide
  Arbitrary<byte[]> binaryVectorFiles() {
    return Mutations.of(binaryVectors);
  }

  @Provide
  Arbitrary<byte[]> corpora() {
    return Mutations.of(corpus);
  }

  @Provide
  Arbitrary<byte[]> gzipCorpora() {
    return Mutations.of(gzipCorpus);
  }

  @Provide
  Arbitrary<byte[]> checkpoints() {
    return Mutations.of(checkpoint);
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void damagedTextVectorFiles(@ForAll("textVectorFiles") byte[] bytes) {
    Path file = write("damaged.txt", bytes);
    onlyOwnErrors(
        () -> {
          WordVectors read = VectorFileReader.read(file);
          assertTrue(Matrices.allFinite(read.data()), "a value read is not finite");
        });
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void damagedBinaryVectorFiles(@ForAll("binaryVectorFiles") byte[] bytes) {
    Path file = write("damaged.bin", bytes);
    onlyOwnErrors(() -> VectorFileReader.read(file));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void damagedCorpora(@ForAll("corpora") byte[] bytes) {
    Path file = write("damaged-corpus.txt", bytes);
    for (VocabularyPolicy policy :
        List.of(VocabularyPolicy.cs224n(), VocabularyPolicy.byFrequency(2, 1000))) {
      onlyOwnErrors(
          () ->
              PreparedCorpus.prepare(
                  CorpusSource.of(file, CorpusFormat.AUTO, true), policy, Long.MAX_VALUE));
    }
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void damagedGzipCorpora(@ForAll("gzipCorpora") byte[] bytes) {
    Path file = write("damaged-corpus.gz", bytes);
    onlyOwnErrors(
        () ->
            PreparedCorpus.prepare(
                CorpusSource.of(file, CorpusFormat.AUTO, true),
                VocabularyPolicy.byFrequency(1, 1000),
                Long.MAX_VALUE));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void damagedCheckpointsAreCaughtByTheirChecksum(@ForAll("checkpoints") byte[] bytes) {
    Path file = write("checkpoint-000000000001.w2vc", bytes);
    try {
      CheckpointStore.load(file);
      assertTrue(java.util.Arrays.equals(bytes, checkpoint), "a damaged checkpoint was accepted");
    } catch (CheckpointStore.CorruptCheckpointException expected) {
      // The checksum, a length or the magic number caught it.
    }
  }

  /**
   * Damage that a checksum does not catch, because the checksum is made anew over the damaged
   * content (a writer bug, a hostile file): the parser's own bounds must hold.
   */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void damagedCheckpointsWithAValidChecksumAreStillRefusedCleanly(
      @ForAll("checkpoints") byte[] bytes) {
    if (bytes.length < 8) {
      return;
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 8);
    ByteBuffer.wrap(bytes, bytes.length - 8, 8).putLong(crc.getValue());
    Path file = write("checkpoint-000000000002.w2vc", bytes);
    try {
      CheckpointStore.load(file);
    } catch (CheckpointStore.CorruptCheckpointException expected) {
      // Refused with a reason.
    }
  }
}
