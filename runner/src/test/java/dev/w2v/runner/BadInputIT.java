package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that used to be trained on, crash, or overflow: each is one line and exit 2, and the inputs
 * that are fine (gzip, standard input) train.
 */
class BadInputIT {

  @TempDir static Path work;
  static Path small;

  @BeforeAll
  static void copyCorpus() throws IOException {
    small = work.resolve("small.txt");
    try (var in = BadInputIT.class.getResourceAsStream("small-corpus.txt")) {
      Files.copy(in, small);
    }
  }

  private static W2vProcess.Result train(String... args) throws Exception {
    String[] all = new String[args.length + 1];
    all[0] = "train";
    System.arraycopy(args, 0, all, 1, args.length);
    return W2vProcess.run(work, all);
  }

  /** One error line (besides information lines that do not start with "w2v:"), exit 2. */
  static void assertUserError(W2vProcess.Result r, String... fragments) {
    assertEquals(2, r.exitCode(), r.toString());
    List<String> errors =
        r.err()
            .lines()
            .filter(l -> l.startsWith("w2v: ") && !l.startsWith("w2v: warning"))
            .toList();
    assertEquals(1, errors.size(), r.toString());
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r);
    for (String f : fragments) {
      assertTrue(errors.get(0).contains(f), "expected '" + f + "' in: " + errors.get(0));
    }
  }

  @Test
  void randomBytesAreRefusedNamingTheFileLineAndOffset() throws Exception {
    Path noise = work.resolve("noise.txt");
    byte[] bytes = new byte[1 << 20];
    new Random(1).nextBytes(bytes);
    Files.write(noise, bytes);
    for (String trainer : List.of("fast", "cs224n")) {
      assertUserError(
          train(
              "--trainer",
              trainer,
              "--corpus",
              noise.toString(),
              "--out",
              work.resolve("o-" + trainer).toString()),
          "noise.txt, line ",
          "byte offset ",
          "UTF-8");
    }
  }

  @Test
  void latin1TextIsRefusedWithTheLineOfTheBadByte() throws Exception {
    Path latin1 = work.resolve("latin1.txt");
    Files.write(latin1, "fine line\ncaf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1));
    assertUserError(
        train(
            "--trainer",
            "fast",
            "--corpus",
            latin1.toString(),
            "--out",
            work.resolve("l1").toString()),
        "latin1.txt, line 2, byte offset 13",
        "iconv");
  }

  @Test
  void aGzipCorpusTrainsOnItsTextWhateverItsName() throws Exception {
    Path gz = work.resolve("small.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(small, out);
    }
    Path plainOut = work.resolve("plain");
    Path gzOut = work.resolve("gz");
    W2vProcess.Result plain =
        train("--corpus", small.toString(), "--iterations", "200", "--out", plainOut.toString());
    W2vProcess.Result compressed =
        train("--corpus", gz.toString(), "--iterations", "200", "--out", gzOut.toString());
    assertEquals(0, compressed.exitCode(), compressed.toString());
    assertEquals(
        Files.readString(plainOut.resolve("vectors.txt")),
        Files.readString(gzOut.resolve("vectors.txt")),
        plain.toString());
  }

  @Test
  void standardInputIsACorpus() throws Exception {
    Path out = work.resolve("stdin");
    W2vProcess.Result r =
        W2vProcess.start(
                work,
                List.of(),
                small,
                "train",
                "--trainer",
                "fast",
                "--corpus",
                "-",
                "--set",
                "min-count=1",
                "--set",
                "epochs=2",
                "--out",
                out.toString())
            .await();
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(Files.readString(out.resolve("vectors.txt")).contains("\ncat "));
  }

  @Test
  void outOfRangeSettingsAreUserErrors() throws Exception {
    assertUserError(
        train("--trainer", "fast", "--corpus", small.toString(), "--set", "threads=10000"),
        "'threads' must be between 0 and");
    assertUserError(
        train(
            "--corpus",
            small.toString(),
            "--set",
            "dim=2000000000",
            "--out",
            work.resolve("big").toString()),
        "2000000000 matrix",
        "lower dim");
  }

  @Test
  void tooLittleMemoryIsOneLineSayingHowMuchIsNeeded() throws Exception {
    W2vProcess.Result r =
        W2vProcess.start(
                work,
                List.of("-Xmx64m"),
                null,
                // The bundled SST: 19539 words x 60000 x 2 matrices are 9 GB.
                "train",
                "--set",
                "dim=60000",
                "--iterations",
                "10",
                "--out",
                work.resolve("oom").toString())
            .await();
    assertUserError(r, "need about", "MB", "W2V_JAVA_OPTS=-Xmx");
  }

  @Test
  void aMissingPluginFolderIsAnError() throws Exception {
    assertUserError(
        train(
            "--corpus",
            small.toString(),
            "--plugin-path",
            work.resolve("no-such-folder").toString()),
        "plugin folder",
        "no-such-folder",
        "does not exist");
  }

  @Test
  void theFastTrainerKeepsItsOutputMatrixSoOutputVectorsCanBeWritten() throws Exception {
    Path out = work.resolve("output-vectors");
    W2vProcess.Result r =
        train(
            "--trainer",
            "fast",
            "--corpus",
            small.toString(),
            "--set",
            "min-count=1",
            "--set",
            "epochs=1",
            "--set",
            "vectors=output",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(Files.readString(out.resolve("vectors.txt")).contains("\ncat "));
  }
}
