package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code w2v train --trainer fast} through the real entry point, with two threads, on a tiny corpus
 * with planted synonyms: syn1 and syn2 share every context, every other center word has contexts of
 * its own, so after training each synonym must be the other's nearest neighbour.
 */
class FastTrainCommandIT {

  @TempDir static Path work;
  static Path out;
  static W2vProcess.Result training;

  @BeforeAll
  static void train() throws Exception {
    Path corpus = work.resolve("synonyms.txt");
    Random random = new Random(99);
    try (BufferedWriter writer = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
      for (int s = 0; s < 20_000; s++) {
        int topic = random.nextInt(12);
        String center = topic == 0 ? (random.nextBoolean() ? "syn1" : "syn2") : "center" + topic;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          words.add("t" + topic + "w" + random.nextInt(6));
        }
        words.add(3, center);
        writer.write(String.join(" ", words));
        writer.write('\n');
      }
    }
    out = work.resolve("out");
    training =
        W2vProcess.run(
            work,
            "train",
            "--trainer",
            "fast",
            "--corpus",
            corpus.toString(),
            "--out",
            out.toString(),
            "--dim",
            "24",
            "--set",
            "threads=2",
            "--set",
            "window=3",
            "--set",
            "min-count=1",
            "--set",
            "sample=0",
            "--set",
            "epochs=5",
            "--set",
            "seed=7");
  }

  @Test
  void trainsWithTwoThreadsAndReportsItsTrainingSpeed() {
    assertEquals(0, training.exitCode(), training.toString());
    assertTrue(
        training.out().contains("dim 24, 5 epochs, 2 threads (negsampling loss)"), training.out());
    assertTrue(
        training.out().matches("(?s).*\\(training [0-9.]+ s, [0-9]+ words/s\\).*"), training.out());
    assertTrue(Files.isRegularFile(out.resolve("vectors.txt")));
    assertTrue(Files.isRegularFile(out.resolve("loss.png")));
  }

  @Test
  void plantedSynonymsAreEachOthersNearestNeighbours() throws Exception {
    assertEquals(0, training.exitCode(), training.toString());
    Path vectors = out.resolve("vectors.txt");
    assertEquals("syn2", nearest(vectors, "syn1"));
    assertEquals("syn1", nearest(vectors, "syn2"));
  }

  private static String nearest(Path vectors, String word) throws Exception {
    W2vProcess.Result r =
        W2vProcess.run(work, "neighbors", "--vectors", vectors.toString(), word, "-k", "1");
    assertEquals(0, r.exitCode(), r.toString());
    String[] fields = r.out().strip().split("\\s+");
    // "1  syn2  0.9876": rank, word, cosine.
    assertEquals(3, fields.length, r.out());
    return fields[1];
  }
}
