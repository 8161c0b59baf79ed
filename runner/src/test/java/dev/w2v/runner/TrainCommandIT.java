package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code w2v train} on a small corpus: every output, resume, and every user error. */
class TrainCommandIT {

  @TempDir static Path work;
  static Path corpus;

  @BeforeAll
  static void copyCorpus() throws IOException {
    corpus = work.resolve("corpus.txt");
    try (var in = TrainCommandIT.class.getResourceAsStream("small-corpus.txt")) {
      Files.copy(in, corpus);
    }
  }

  private static W2vProcess.Result train(String... args) throws Exception {
    String[] all = new String[args.length + 1];
    all[0] = "train";
    System.arraycopy(args, 0, all, 1, args.length);
    return W2vProcess.run(work, all);
  }

  @Test
  void writesEveryOutput() throws Exception {
    Path out = work.resolve("out-all");
    W2vProcess.Result r =
        train(
            "--corpus",
            corpus.toString(),
            "--iterations",
            "300",
            "--set",
            "checkpoint-every=100",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("final smoothed loss"), r.toString());

    List<String> vectors = Files.readAllLines(out.resolve("vectors.txt"), StandardCharsets.UTF_8);
    String[] header = vectors.get(0).split(" ");
    int words = Integer.parseInt(header[0]);
    int dim = Integer.parseInt(header[1]);
    assertEquals(10, dim);
    assertEquals(words + 1, vectors.size());
    for (String line : vectors.subList(1, vectors.size())) {
      String[] f = line.split(" ");
      assertEquals(dim + 1, f.length, line);
      for (int j = 1; j <= dim; j++) {
        assertTrue(Float.isFinite(Float.parseFloat(f[j])), line);
      }
    }
    assertTrue(vectors.stream().anyMatch(l -> l.startsWith("cat ")));

    for (String png : List.of("word_vectors.png", "loss.png")) {
      BufferedImage image = ImageIO.read(out.resolve(png).toFile());
      assertNotNull(image, png + " decodes as an image");
      assertTrue(image.getWidth() > 100 && image.getHeight() > 100);
    }

    List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
    assertEquals("iteration,smoothed_loss,learning_rate", metrics.get(0));
    assertEquals(31, metrics.size(), "a row every 10 iterations");
    assertTrue(metrics.get(30).startsWith("300,"));
    try (var files = Files.list(out.resolve("checkpoints"))) {
      assertFalse(files.toList().isEmpty());
    }
  }

  @Test
  void resumeFinishesWithTheVectorsOfAnUninterruptedRun() throws Exception {
    Path straight = work.resolve("straight");
    assertEquals(
        0,
        train(
                "--corpus",
                corpus.toString(),
                "--iterations",
                "400",
                "--set",
                "checkpoint-every=100",
                "--out",
                straight.toString())
            .exitCode());
    Path interrupted = work.resolve("interrupted");
    // The first run stops at 200 (its last checkpoint); the second continues it to 400.
    assertEquals(
        0,
        train(
                "--corpus",
                corpus.toString(),
                "--iterations",
                "200",
                "--set",
                "checkpoint-every=100",
                "--out",
                interrupted.toString())
            .exitCode());
    W2vProcess.Result resumed =
        train(
            "--corpus",
            corpus.toString(),
            "--iterations",
            "400",
            "--set",
            "checkpoint-every=100",
            "--out",
            interrupted.toString(),
            "--resume");
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.err().contains("resuming from iteration 200"), resumed.toString());
    assertEquals(
        Files.readString(straight.resolve("vectors.txt")),
        Files.readString(interrupted.resolve("vectors.txt")));
    assertEquals(41, Files.readAllLines(interrupted.resolve("metrics.csv")).size());
  }

  private static void assertUserError(W2vProcess.Result r, String... fragments) {
    assertEquals(2, r.exitCode(), r.toString());
    String err = r.err().strip();
    assertEquals(
        1,
        err.lines().filter(l -> l.startsWith("w2v: ") && !l.startsWith("w2v: warning")).count(),
        r.toString());
    assertFalse(err.contains("\tat "), "no stack trace without --verbose: " + r);
    for (String f : fragments) {
      assertTrue(err.contains(f), "expected '" + f + "' in: " + err);
    }
  }

  @Test
  void aMissingCorpus() throws Exception {
    assertUserError(
        train(
            "--corpus",
            work.resolve("nope.txt").toString(),
            "--out",
            work.resolve("o1").toString()),
        "nope.txt",
        "does not exist");
  }

  @Test
  void anEmptyCorpus() throws Exception {
    Path empty = Files.writeString(work.resolve("empty.txt"), "\n\n");
    assertUserError(
        train("--corpus", empty.toString(), "--out", work.resolve("o2").toString()),
        "empty.txt",
        "holds no words");
  }

  @Test
  void anUnknownLossOrSampler() throws Exception {
    assertUserError(
        train("--corpus", corpus.toString(), "--loss", "nce"),
        "unknown loss 'nce'",
        "negsampling, softmax");
    assertUserError(
        train("--corpus", corpus.toString(), "--sampler", "zipf"),
        "unknown sampler 'zipf'",
        "uniform, unigram");
  }

  @Test
  void anUnknownKeyOrAValueOfTheWrongType() throws Exception {
    assertUserError(
        train("--set", "iteratons=5"),
        "unknown configuration key 'iteratons'",
        "did you mean 'iterations'");
    assertUserError(train("--set", "batch-size=many"), "'batch-size' must be an integer", "'many'");
    assertUserError(train("--dim", "ten"), "'--dim'", "'ten'");
  }

  @Test
  void anOutputFolderThatCannotBeWritten() throws Exception {
    Path file = Files.writeString(work.resolve("a-file"), "x");
    assertUserError(
        train(
            "--corpus",
            corpus.toString(),
            "--iterations",
            "10",
            "--out",
            file.resolve("sub").toString()),
        "cannot write to the output folder");
  }

  @Test
  void aCorruptCheckpoint() throws Exception {
    Path out = work.resolve("corrupt");
    assertEquals(
        0,
        train("--corpus", corpus.toString(), "--iterations", "100", "--out", out.toString())
            .exitCode());
    try (var files = Files.list(out.resolve("checkpoints"))) {
      for (Path checkpoint : files.toList()) {
        byte[] bytes = Files.readAllBytes(checkpoint);
        bytes[bytes.length / 2] ^= 1;
        Files.write(checkpoint, bytes);
      }
    }
    assertUserError(
        train(
            "--corpus",
            corpus.toString(),
            "--iterations",
            "200",
            "--out",
            out.toString(),
            "--resume"),
        "is corrupt",
        "checksum mismatch");
  }

  @Test
  void aLossThatTurnsNanStopsWithAdviceAndKeepsTheLastCheckpoint() throws Exception {
    Path out = work.resolve("nan");
    W2vProcess.Result r =
        train(
            "--corpus",
            corpus.toString(),
            "--iterations",
            "3000",
            "--lr",
            "1e30",
            "--set",
            "checkpoint-every=1",
            "--out",
            out.toString());
    assertUserError(r, "training diverged", "lower --lr", "the last good checkpoint");
    try (var files = Files.list(out.resolve("checkpoints"))) {
      assertFalse(files.filter(p -> p.toString().endsWith(".w2vc")).toList().isEmpty());
    }
  }

  @Test
  void verboseShowsTheStackTrace() throws Exception {
    W2vProcess.Result r = train("--corpus", work.resolve("nope.txt").toString(), "--verbose");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("\tat "), r.toString());
  }
}
