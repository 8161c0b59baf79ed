package dev.w2v.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.runner.W2v;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.master.Master;
import org.apache.spark.rpc.RpcEnv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import scala.Tuple3;

/**
 * {@code w2v train --trainer spark} as a user runs it (the command of w2v-spark.jar, in this JVM):
 * the outputs of every trainer, and one line with exit status 2 for what a user got wrong.
 */
class SparkCommandIT {

  @TempDir static Path work;
  static Path corpus;

  record Result(int status, String out, String err) {
    /** The lines of stderr that are w2v's own (Spark may log warnings of its own). */
    List<String> w2vErrors() {
      return err.lines().filter(l -> l.startsWith("w2v: ")).toList();
    }
  }

  @BeforeAll
  static void corpus() throws Exception {
    corpus = PlantedCorpus.write(work.resolve("planted.txt"), 3000, 5);
  }

  static synchronized Result w2v(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int status = W2v.run(SubmitMain.withSparkTrainer(args));
      return new Result(
          status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void trainsAndWritesWhatEveryTrainerWrites() throws Exception {
    Path out = work.resolve("out");
    Result r =
        w2v(
            "train",
            "--corpus",
            corpus.toString(),
            "--out",
            out.toString(),
            "--dim",
            "16",
            "--set",
            "spark-master=local[2]",
            "--set",
            "epochs=2",
            "--set",
            "min-count=2",
            "--set",
            "plot-words=g0w1,g0w2,g1w1,g1w2");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("on local[2] (negsampling loss)"), r.out());
    assertTrue(r.err().contains("words in the vocabulary"), r.err());
    for (String file : List.of("vectors.txt", "word_vectors.png", "loss.png", "metrics.csv")) {
      assertTrue(Files.size(out.resolve(file)) > 0, file);
    }
    // words,loss,learning_rate after the header: one row per round, 2 epochs of 4 rounds.
    assertEquals(1 + 8, Files.readAllLines(out.resolve("metrics.csv")).size());
    assertEquals(3, Files.list(out.resolve("checkpoints")).count());

    // --resume of a finished run continues from its last checkpoint: nothing left, same vectors.
    byte[] vectors = Files.readAllBytes(out.resolve("vectors.txt"));
    Result again =
        w2v(
            "train",
            "--corpus",
            corpus.toString(),
            "--out",
            out.toString(),
            "--dim",
            "16",
            "--set",
            "spark-master=local[2]",
            "--set",
            "epochs=2",
            "--set",
            "min-count=2",
            "--set",
            "plot-words=g0w1",
            "--resume");
    assertEquals(0, again.status(), again.toString());
    assertArrayEquals(vectors, Files.readAllBytes(out.resolve("vectors.txt")));
  }

  @Test
  void aMissingCorpusIsOneLine() {
    Result r =
        w2v(
            "train",
            "--corpus",
            work.resolve("nope.txt").toString(),
            "--out",
            work.resolve("o1").toString());
    assertEquals(2, r.status(), r.toString());
    assertEquals(
        List.of("w2v: corpus " + work.resolve("nope.txt") + " does not exist; check --corpus"),
        r.w2vErrors());
  }

  @Test
  void aBadMasterUrlIsOneLine() {
    Result r =
        w2v(
            "train",
            "--corpus",
            corpus.toString(),
            "--out",
            work.resolve("o2").toString(),
            "--set",
            "spark-master=nonsense://here");
    assertEquals(2, r.status(), r.toString());
    assertEquals(1, r.w2vErrors().size(), r.err());
    assertTrue(
        r.w2vErrors().get(0).contains("'nonsense://here' is not a Spark master URL"), r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
  }

  @Test
  void anAbsentMasterIsOneLine() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Result r =
        w2v(
            "train",
            "--corpus",
            corpus.toString(),
            "--out",
            work.resolve("o3").toString(),
            "--set",
            "spark-master=spark://127.0.0.1:" + port);
    assertEquals(2, r.status(), r.toString());
    assertEquals(1, r.w2vErrors().size(), r.err());
    assertTrue(
        r.w2vErrors()
            .get(0)
            .startsWith("w2v: no Spark master answers at spark://127.0.0.1:" + port),
        r.err());
  }

  @Test
  void aClusterWithoutExecutorsIsOneLine() throws Exception {
    // A real standalone master, in this JVM, with no worker: the application registers and no
    // executor ever joins.
    SparkConf conf = new SparkConf().set("spark.master.rest.enabled", "false");
    Tuple3<RpcEnv, Object, Option<Object>> master =
        Master.startRpcEnvAndEndpoint("127.0.0.1", 0, 0, conf);
    try {
      String url = "spark://127.0.0.1:" + master._1().address().port();
      Result r =
          w2v(
              "train",
              "--corpus",
              corpus.toString(),
              "--out",
              work.resolve("o4").toString(),
              "--set",
              "spark-master=" + url,
              "--set",
              "executor-wait=3",
              "--set",
              "spark-conf=spark.driver.host=127.0.0.1,spark.driver.bindAddress=127.0.0.1");
      assertEquals(2, r.status(), r.toString());
      assertEquals(1, r.w2vErrors().size(), r.err());
      assertTrue(
          r.w2vErrors()
              .get(0)
              .startsWith("w2v: no executor joined within 3 s from Spark master " + url),
          r.err());
      assertTrue(!r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    } finally {
      master._1().shutdown();
    }
  }
}
