package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.w2v.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query commands through the real entry point, on a small hand-made vector file. */
class QueryCommandsIT {

  @TempDir static Path work;
  static Path vectors;

  @BeforeAll
  static void writeVectors() throws Exception {
    // king - man + woman points at queen; cat's nearest neighbour is kitten.
    vectors = work.resolve("v.txt");
    Files.writeString(
        vectors,
        String.join(
            "\n",
            "7 3",
            "king 1 1 0",
            "queen 1 0 1",
            "man 0 1 0",
            "woman 0 0 1",
            "cat -1 0.1 0",
            "kitten -1 0.2 0",
            "car 0 -1 -1",
            ""));
  }

  @Test
  void neighborsRanksByCosineAndExcludesTheWord() throws Exception {
    W2vProcess.Result r =
        W2vProcess.run(work, "neighbors", "--vectors", vectors.toString(), "cat", "-k", "2");
    assertEquals(0, r.exitCode(), r.toString());
    String[] lines = r.out().strip().split("\n");
    assertEquals(2, lines.length, r.out());
    assertTrue(lines[0].contains("kitten"), r.out());
    assertTrue(!r.out().contains(" cat "), r.out());
  }

  @Test
  void analogyAnswersQueen() throws Exception {
    W2vProcess.Result r =
        W2vProcess.run(
            work, "analogy", "--vectors", vectors.toString(), "man", "king", "woman", "-k", "1");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().strip().startsWith("1  queen"), r.out());
  }

  @Test
  void anUnknownWordSuggestsSpellings() throws Exception {
    W2vProcess.Result r =
        W2vProcess.run(work, "neighbors", "--vectors", vectors.toString(), "kitchen");
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(
        r.err().contains("unknown word 'kitchen'") && r.err().contains("kitten"), r.toString());
  }

  @Test
  void plotWritesAPicture() throws Exception {
    Path png = work.resolve("p.png");
    W2vProcess.Result r =
        W2vProcess.run(
            work,
            "plot",
            "--vectors",
            vectors.toString(),
            "--words",
            "king,queen,man,woman",
            "--out",
            png.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertNotNull(ImageIO.read(png.toFile()));
  }

  @Test
  void evaluatePrintsJsonForMachines() throws Exception {
    Path questions =
        Files.writeString(
            work.resolve("q.txt"), ": family\nman king woman queen\nman woman king queen\n");
    Path pairs =
        Files.writeString(
            work.resolve("s.tsv"), "# pairs\ncat\tkitten\t9\ncat\tcar\t1\nking\tqueen\t5\n");
    W2vProcess.Result r =
        W2vProcess.run(
            work,
            "evaluate",
            "--vectors",
            vectors.toString(),
            "--analogies",
            questions.toString(),
            "--similarity",
            pairs.toString(),
            "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = Json.parse(r.out());
    assertEquals(vectors.toString(), json.get("vectors").asText(), r.out());
    assertEquals(questions.toString(), json.at("/analogies/file").asText(), r.out());
    assertEquals(2, json.at("/analogies/result/questions").asInt(), r.out());
    assertEquals(1.0, json.at("/analogies/result/total/accuracy").asDouble(), r.out());
    assertEquals(1.0, json.at("/similarity/0/result/spearman").asDouble(), 1e-12, r.out());
    assertEquals(3, json.at("/similarity/0/result/pairs").asInt(), r.out());
  }
}
