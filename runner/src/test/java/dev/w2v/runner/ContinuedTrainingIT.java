package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.vectors.VectorFileReader;
import dev.w2v.core.vectors.VectorFormat;
import dev.w2v.core.vectors.WordVectors;
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
 * {@code w2v train}'s outputs (vector formats, the vocabulary file, model.w2v) and continued
 * training from them, through the real jar: a first run on topics 0-5, a second that continues it
 * on topics 3-8.
 */
class ContinuedTrainingIT {

  @TempDir static Path work;
  static Path first;
  static W2vProcess.Result firstRun;
  static W2vProcess.Result continued;
  static Path second;

  static Path corpus(String name, int from, int to, long seed) throws Exception {
    Path file = work.resolve(name);
    Random random = new Random(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int s = 0; s < 3_000; s++) {
        int topic = from + random.nextInt(to - from + 1);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          words.add("t" + topic + "w" + random.nextInt(6));
        }
        words.add(3, "center" + topic);
        out.write(String.join(" ", words));
        out.write('\n');
      }
    }
    return file;
  }

  static String[] train(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--trainer",
                "fast",
                "--set",
                "threads=1",
                "--set",
                "min-count=1",
                "--set",
                "epochs=2",
                "--set",
                "plot-words=center3"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @BeforeAll
  static void trainTwice() throws Exception {
    Path a = corpus("a.txt", 0, 5, 1);
    Path b = corpus("b.txt", 3, 8, 2);
    first = work.resolve("first");
    firstRun =
        W2vProcess.run(
            work,
            train(
                "--corpus",
                a.toString(),
                "--out",
                first.toString(),
                "--dim",
                "12",
                "--set",
                "vectors-format=both",
                "--set",
                "save-vocab=first-vocab.txt"));
    second = work.resolve("second");
    continued =
        W2vProcess.run(
            work,
            train(
                "--corpus",
                b.toString(),
                "--out",
                second.toString(),
                "--set",
                "continue=" + first,
                "--set",
                "vectors-format=binary"));
  }

  @Test
  void bothFormatsHoldTheSameVectorsAndTheVocabularyFileListsWordsAndCounts() throws Exception {
    assertEquals(0, firstRun.exitCode(), firstRun.toString());
    WordVectors text = VectorFileReader.read(first.resolve("vectors.txt"), VectorFormat.TEXT);
    WordVectors binary = VectorFileReader.read(first.resolve("vectors.bin"), VectorFormat.BINARY);
    assertEquals(text.words(), binary.words());
    assertArrayEquals(text.data(), binary.data());
    assertEquals(12, text.dim());
    assertTrue(Files.isRegularFile(first.resolve("model.w2v")));

    List<String> lines = Files.readAllLines(work.resolve("first-vocab.txt"));
    assertEquals(text.size(), lines.size());
    long previous = Long.MAX_VALUE;
    long total = 0;
    for (int i = 0; i < lines.size(); i++) {
      String[] fields = lines.get(i).split(" ");
      assertEquals(2, fields.length, lines.get(i));
      assertEquals(text.word(i), fields[0], "vocabulary order is the vectors' order");
      long count = Long.parseLong(fields[1]);
      assertTrue(count <= previous, "most frequent first: " + lines.get(i));
      previous = count;
      total += count;
    }
    assertEquals(3_000 * 7, total, "every token of the corpus is counted");
  }

  @Test
  void theFirstLineSaysTheCorpusIsBeingReadAndIsNoWarning() {
    String firstLine = firstRun.err().lines().findFirst().orElseThrow();
    assertTrue(firstLine.startsWith("reading corpus "), firstRun.err());
    assertTrue(firstLine.endsWith("a.txt"), firstLine);
  }

  @Test
  void aContinuedRunKeepsTheOldWordsRowsAndAddsTheNewWords() throws Exception {
    assertEquals(0, continued.exitCode(), continued.toString());
    WordVectors before = VectorFileReader.read(first.resolve("vectors.bin"));
    assertTrue(
        continued
            .err()
            .contains(
                "continuing from "
                    + first.resolve("model.w2v")
                    + ": "
                    + before.size()
                    + " words, dim 12, with output weights and counts"),
        continued.err());
    assertTrue(continued.err().contains("(21 new)"), continued.err());
    assertFalse(Files.exists(second.resolve("vectors.txt")), "vectors-format=binary");
    WordVectors after = VectorFileReader.read(second.resolve("vectors.bin"));
    assertEquals(12, after.dim(), "the model's dimension without --dim");
    assertEquals(before.words(), after.words().subList(0, before.size()));
    assertEquals(before.size() + 21, after.size());
    // center1 is not in the second corpus: skip-gram never trains its input row there.
    int absent = before.rowOf("center1");
    int shared = before.rowOf("center4");
    float[] old = before.data();
    float[] now = after.data();
    assertArrayEquals(
        java.util.Arrays.copyOfRange(old, absent * 12, absent * 12 + 12),
        java.util.Arrays.copyOfRange(now, absent * 12, absent * 12 + 12));
    assertFalse(
        java.util.Arrays.equals(
            java.util.Arrays.copyOfRange(old, shared * 12, shared * 12 + 12),
            java.util.Arrays.copyOfRange(now, shared * 12, shared * 12 + 12)));
  }

  @Test
  void aContinuedRunResumesOnlyFromTheSameStartingModel() throws Exception {
    assertEquals(0, continued.exitCode(), continued.toString());
    W2vProcess.Result same =
        W2vProcess.run(
            work,
            train(
                "--corpus",
                work.resolve("b.txt").toString(),
                "--out",
                second.toString(),
                "--set",
                "continue=" + first,
                "--set",
                "vectors-format=binary",
                "--resume"));
    assertEquals(0, same.exitCode(), same.toString());
    W2vProcess.Result other =
        W2vProcess.run(
            work,
            train(
                "--corpus",
                work.resolve("b.txt").toString(),
                "--out",
                second.toString(),
                "--set",
                "continue=" + first.resolve("vectors.txt"),
                "--set",
                "vectors-format=binary",
                "--resume"));
    assertEquals(2, other.exitCode(), other.toString());
    assertTrue(other.err().contains("cannot resume from "), other.err());
    assertTrue(other.err().contains("continue was "), other.err());
  }

  @Test
  void whatCannotContinueIsRefusedInOneLine() throws Exception {
    assertEquals(0, firstRun.exitCode(), firstRun.toString());
    String b = work.resolve("b.txt").toString();
    W2vProcess.Result cs224n =
        W2vProcess.run(
            work,
            "train",
            "--corpus",
            b,
            "--iterations",
            "10",
            "--out",
            work.resolve("cs").toString(),
            "--set",
            "continue=" + first);
    assertEquals(2, cs224n.exitCode(), cs224n.toString());
    assertEquals(
        "w2v: trainer 'cs224n' cannot continue training a model (continue = "
            + first
            + "); use --trainer fast, or leave continue unset to start from scratch",
        cs224n.err().strip());

    W2vProcess.Result dim =
        W2vProcess.run(
            work,
            train(
                "--corpus",
                b,
                "--out",
                work.resolve("dim").toString(),
                "--dim",
                "7",
                "--set",
                "continue=" + first));
    assertEquals(2, dim.exitCode(), dim.toString());
    assertTrue(dim.err().contains("its vectors have dimension 12 but dim is 7"), dim.err().strip());

    W2vProcess.Result missing =
        W2vProcess.run(
            work,
            train("--corpus", b, "--out", work.resolve("m").toString(), "--set", "continue=nope"));
    assertEquals(2, missing.exitCode(), missing.toString());
    assertEquals(
        "w2v: cannot continue from nope: it does not exist; check the continue path",
        missing.err().strip());
  }
}
