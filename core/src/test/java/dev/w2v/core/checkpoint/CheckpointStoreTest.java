package dev.w2v.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

  @TempDir Path dir;

  private static Checkpoint checkpoint(long iteration) {
    return new Checkpoint(
        "settings",
        iteration,
        0.25,
        3.5,
        List.of(new long[] {1, 2, 3, 4}),
        List.of(new float[] {1f, -2f, Float.MIN_VALUE}, new float[] {iteration}),
        List.of(new long[] {7, Long.MIN_VALUE}));
  }

  @Test
  void roundTripsEveryField() throws Exception {
    CheckpointStore store = new CheckpointStore(dir, 3);
    Path file = store.save(checkpoint(42));
    Checkpoint back = CheckpointStore.load(file);
    assertEquals("settings", back.fingerprint());
    assertEquals(42, back.position());
    assertEquals(0.25, back.learningRate());
    assertEquals(3.5, back.loss());
    assertArrayEquals(new long[] {1, 2, 3, 4}, back.randomStates().get(0));
    assertArrayEquals(new float[] {1f, -2f, Float.MIN_VALUE}, back.matrices().get(0));
    assertArrayEquals(new long[] {7, Long.MIN_VALUE}, back.state().get(0));
    assertEquals(List.of(file), store.files());
  }

  @Test
  void keepsOnlyTheNewestAndLeavesNoTemporaryFiles() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 2);
    for (int i = 1; i <= 5; i++) {
      store.save(checkpoint(i * 10));
    }
    assertEquals(
        List.of(50L, 40L), store.files().stream().map(CheckpointStore::iterationOf).toList());
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void aFlippedByteIsDetectedAndAnOlderCheckpointUsed() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 3);
    store.save(checkpoint(10));
    Path newest = store.save(checkpoint(20));
    byte[] bytes = Files.readAllBytes(newest);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(newest, bytes);
    assertThrows(
        CheckpointStore.CorruptCheckpointException.class, () -> CheckpointStore.load(newest));
    List<String> warnings = new ArrayList<>();
    Checkpoint loaded = store.loadNewest(warnings::add).orElseThrow().checkpoint();
    assertEquals(10, loaded.position());
    assertEquals(1, warnings.size());
    assertTrue(
        warnings.get(0).contains(newest.toString()) && warnings.get(0).contains("checksum"),
        warnings.get(0));
  }

  @Test
  void aTruncatedCheckpointIsDetected() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 3);
    Path file = store.save(checkpoint(10));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    W2vException e = assertThrows(W2vException.class, () -> store.loadNewest(w -> {}));
    assertTrue(
        e.getMessage().contains(file.toString()) && e.getMessage().contains("no older checkpoint"),
        e.getMessage());
  }

  @Test
  void anUnfinishedTemporaryFileNeverCountsAsACheckpoint() throws Exception {
    CheckpointStore store = new CheckpointStore(dir, 3);
    store.save(checkpoint(10));
    // A crash mid-write leaves only the temporary file of the next checkpoint.
    Files.write(dir.resolve(".checkpoint-000000000020.w2vc.tmp"), new byte[] {1, 2, 3});
    assertEquals(10, store.loadNewest(w -> {}).orElseThrow().checkpoint().position());
  }

  @Test
  void aLargeMatrixRoundTripsBitForBit() throws Exception {
    float[] big = new float[300_001];
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < big.length; i++) {
      big[i] = Float.intBitsToFloat(random.nextInt());
    }
    big[7] = Float.NaN;
    Checkpoint c =
        new Checkpoint("big", 1, 0.1, 0.2, List.of(), List.of(big, new float[0]), List.of());
    Checkpoint back = CheckpointStore.load(new CheckpointStore(dir, 3).save(c));
    assertEquals(big.length, back.matrices().get(0).length);
    for (int i = 0; i < big.length; i++) {
      assertEquals(
          Float.floatToRawIntBits(big[i]), Float.floatToRawIntBits(back.matrices().get(0)[i]));
    }
    assertEquals(0, back.matrices().get(1).length);
  }

  @Test
  void noCheckpointIsNotAnError() {
    assertTrue(new CheckpointStore(dir.resolve("none"), 3).loadNewest(w -> {}).isEmpty());
  }
}
