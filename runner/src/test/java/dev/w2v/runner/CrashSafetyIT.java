package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every trainer survives what kills real runs: SIGKILL, SIGTERM, a second run into the same folder,
 * a diverging learning rate. Through the packaged jar, as a user runs it.
 */
class CrashSafetyIT {

  @TempDir static Path work;
  static Path corpus;
  static Path small;

  /** 40,000 sentences of 7 words: a few seconds of fast training over 6 epochs. */
  @BeforeAll
  static void writeCorpora() throws IOException {
    corpus = work.resolve("synonyms.txt");
    Random random = new Random(5);
    try (BufferedWriter writer = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
      for (int s = 0; s < 40_000; s++) {
        int topic = random.nextInt(30);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
          words.add("t" + topic + "w" + random.nextInt(9));
        }
        writer.write(String.join(" ", words));
        writer.write('\n');
      }
    }
    small = work.resolve("small.txt");
    try (var in = CrashSafetyIT.class.getResourceAsStream("small-corpus.txt")) {
      Files.copy(in, small);
    }
  }

  private static String[] fast(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--trainer",
                "fast",
                "--corpus",
                corpus.toString(),
                "--out",
                out.toString(),
                "--dim",
                "16",
                "--set",
                "threads=1",
                "--set",
                "epochs=6",
                "--set",
                "min-count=1",
                "--set",
                "checkpoint-seconds=1"));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  private static String[] cs224n(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--corpus",
                small.toString(),
                "--out",
                out.toString(),
                "--iterations",
                "30000",
                "--set",
                "checkpoint-every=50"));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  /** Waits until the run has written a checkpoint, then returns. */
  private static void awaitCheckpoint(W2vProcess.Running running, Path out) throws Exception {
    Path folder = out.resolve("checkpoints");
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline && running.process().isAlive()) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          if (files.anyMatch(p -> p.toString().endsWith(".w2vc"))) {
            return;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no checkpoint appeared: " + running.errSoFar());
  }

  private static W2vProcess.Result run(String... args) throws Exception {
    return W2vProcess.run(work, args);
  }

  @Test
  void theFastTrainerKilledWithSigkillResumesToTheVectorsAndMetricsOfAnUninterruptedRun()
      throws Exception {
    Path straight = work.resolve("fast-straight");
    W2vProcess.Result whole = run(fast(straight));
    assertEquals(0, whole.exitCode(), whole.toString());

    Path killed = work.resolve("fast-killed");
    W2vProcess.Running running = W2vProcess.start(work, List.of(), null, fast(killed));
    awaitCheckpoint(running, killed);
    Thread.sleep(300);
    running.process().destroyForcibly().waitFor();
    assertFalse(Files.exists(killed.resolve("vectors.txt")), "killed before the end");

    W2vProcess.Result resumed = run(fast(killed, "--resume"));
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.err().contains("resuming from word "), resumed.toString());
    assertTrue(resumed.err().contains("taking over"), "the killed run's lock: " + resumed);
    assertEquals(
        Files.readString(straight.resolve("vectors.txt")),
        Files.readString(killed.resolve("vectors.txt")));
    assertEquals(
        Files.readString(straight.resolve("metrics.csv")),
        Files.readString(killed.resolve("metrics.csv")));
  }

  @Test
  void sigtermWritesACheckpointAndSaysHowToResume() throws Exception {
    Path straight = work.resolve("term-straight");
    assertEquals(0, run(fast(straight)).exitCode());
    Path out = work.resolve("term");
    W2vProcess.Running running = W2vProcess.start(work, List.of(), null, fast(out));
    awaitCheckpoint(running, out);
    running.process().destroy(); // SIGTERM
    W2vProcess.Result stopped = running.await();
    assertNotEquals(0, stopped.exitCode(), stopped.toString());
    assertTrue(stopped.err().contains("w2v: interrupted at position "), stopped.toString());
    assertTrue(stopped.err().contains("--resume continues from it"), stopped.toString());
    assertFalse(stopped.err().contains("\tat "), stopped.toString());
    assertEquals("", Files.readString(out.resolve(".w2v.lock")), "the lock was released");
    W2vProcess.Result resumed = run(fast(out, "--resume"));
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertFalse(resumed.err().contains("taking over"), resumed.toString());
    assertEquals(
        Files.readString(straight.resolve("vectors.txt")),
        Files.readString(out.resolve("vectors.txt")));
  }

  @Test
  void theCs224nTrainerKilledWithSigkillResumesWithWholeMetrics() throws Exception {
    Path straight = work.resolve("cs-straight");
    assertEquals(0, run(cs224n(straight)).exitCode());
    Path killed = work.resolve("cs-killed");
    W2vProcess.Running running = W2vProcess.start(work, List.of(), null, cs224n(killed));
    awaitCheckpoint(running, killed);
    Thread.sleep(500);
    running.process().destroyForcibly().waitFor();
    W2vProcess.Result resumed = run(cs224n(killed, "--resume"));
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertEquals(
        Files.readString(straight.resolve("metrics.csv")),
        Files.readString(killed.resolve("metrics.csv")),
        "no row lost or doubled");
    assertEquals(
        Files.readString(straight.resolve("vectors.txt")),
        Files.readString(killed.resolve("vectors.txt")));
  }

  @Test
  void aSecondRunIntoAFolderInUseIsRefusedNamingTheFirst() throws Exception {
    Path out = work.resolve("busy");
    W2vProcess.Running first = W2vProcess.start(work, List.of(), null, cs224n(out));
    awaitCheckpoint(first, out);
    W2vProcess.Result second = run(cs224n(out));
    first.process().destroyForcibly().waitFor();
    assertEquals(2, second.exitCode(), second.toString());
    assertTrue(
        second.err().contains("is in use by process " + first.process().pid()), second.toString());
    assertEquals(1, second.err().strip().lines().count(), second.toString());
  }

  @Test
  void aDivergingFastRunExits2AndWritesNoVectors() throws Exception {
    Path out = work.resolve("nan");
    W2vProcess.Result r = run(fast(out, "--lr", "100"));
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("w2v: training diverged: "), r.toString());
    assertTrue(r.err().contains("lower --lr"), r.toString());
    assertFalse(Files.exists(out.resolve("vectors.txt")));
  }
}
