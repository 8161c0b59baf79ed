package dev.w2v.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import dev.w2v.core.corpus.Vocabulary;
import dev.w2v.core.vectors.VectorFileWriter;
import dev.w2v.core.vectors.VectorFormat;
import dev.w2v.core.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

  @TempDir Path dir;

  private static SavedModel model() {
    Vocabulary vocabulary = Vocabulary.of(List.of("the", "cat", "naïve"), new long[] {10, 4, 1});
    float[] input = {0.1f, -0.2f, Float.MIN_VALUE, 3e38f, -0f, 1 / 3f};
    float[] output = {1, 2, 3, 4, 5, 6};
    return new SavedModel(vocabulary, 2, input, output, "negsampling", true, "memory");
  }

  @Test
  void readsBackBitForBit() {
    Path file = dir.resolve("model.w2v");
    SavedModel written = model();
    ModelFile.write(written, file);
    assertTrue(ModelFile.isModelFile(file));
    SavedModel read = ModelFile.read(file);
    assertEquals(written.vocabulary(), read.vocabulary());
    assertEquals(2, read.dimension());
    assertArrayEquals(written.input(), read.input());
    assertArrayEquals(written.output(), read.output());
    assertEquals("negsampling", read.loss());
    assertTrue(read.countsKnown());
    assertEquals(file.toString(), read.source());
    assertEquals(written.fingerprint(), read.fingerprint());
    assertEquals(2, SavedModel.dimensionOf(file));
    assertFalse(Files.exists(dir.resolve(".model.w2v.tmp")), "no temporary file is left");
  }

  @Test
  void aFolderMeansItsModelFileAndAVectorFileHasNoCountsNorOutput() {
    ModelFile.write(model(), dir.resolve(SavedModel.FILE_NAME));
    assertEquals(3, SavedModel.load(dir).vocabulary().size());

    Path vectors = dir.resolve("vectors.bin");
    VectorFileWriter.write(
        WordVectors.of(List.of("a", "b"), 3, new float[] {1, 2, 3, 4, 5, 6}),
        vectors,
        VectorFormat.BINARY);
    assertFalse(ModelFile.isModelFile(vectors));
    SavedModel fromVectors = SavedModel.load(vectors);
    assertEquals(List.of("a", "b"), fromVectors.vocabulary().words());
    assertEquals(0, fromVectors.vocabulary().totalCount());
    assertFalse(fromVectors.countsKnown());
    assertEquals(0, fromVectors.outputRows());
    assertEquals(3, SavedModel.dimensionOf(vectors));
  }

  @Test
  void aChangedWeightChangesTheFingerprint() {
    SavedModel a = model();
    assertEquals(a.fingerprint(), model().fingerprint());
    SavedModel b = model();
    b.output()[5] = 6.5f;
    SavedModel c = model();
    c.output()[5] = 6.5f;
    assertEquals(b.fingerprint(), c.fingerprint());
    assertNotEquals(a.fingerprint(), c.fingerprint());
    SavedModel d = model();
    d.input()[0] = 0.3f;
    assertNotEquals(a.fingerprint(), d.fingerprint());
  }

  @Test
  void damagedFilesAreRefusedNamingTheFault() throws IOException {
    Path file = dir.resolve("model.w2v");
    ModelFile.write(model(), file);
    byte[] bytes = Files.readAllBytes(file);

    byte[] flipped = bytes.clone();
    flipped[bytes.length - 20] ^= 1;
    Files.write(file, flipped);
    assertEquals(
        "model file " + file + " is damaged (checksum mismatch); save the model again",
        assertThrows(W2vException.class, () -> ModelFile.read(file)).getMessage());

    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 30));
    assertTrue(
        assertThrows(W2vException.class, () -> ModelFile.read(file))
            .getMessage()
            .contains("is damaged (truncated)"));

    // A header claiming more words than the file holds is refused before allocating them.
    byte[] huge = bytes.clone();
    int words = 8 + 4 + 2 + "negsampling".length();
    huge[words] = 0x7f;
    Files.write(file, huge);
    assertTrue(
        assertThrows(W2vException.class, () -> ModelFile.read(file))
            .getMessage()
            .contains("more than the file holds"));

    Path missing = dir.resolve("nothing");
    assertEquals(
        "cannot continue from " + missing + ": it does not exist; check the continue path",
        assertThrows(W2vException.class, () -> SavedModel.load(missing)).getMessage());
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertTrue(
        assertThrows(W2vException.class, () -> SavedModel.load(empty))
            .getMessage()
            .contains("the folder holds no model.w2v"));
  }
}
