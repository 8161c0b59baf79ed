package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.w2v.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void similarTakesPositiveAndNegativeListsAsGensimDoes() throws Exception {
    W2vProcess.Result r =
        W2vProcess.run(
            work,
            "similar",
            "--vectors",
            vectors.toString(),
            "--positive",
            "king,woman",
            "--negative",
            "man",
            "-k",
            "2");
    assertEquals(0, r.exitCode(), r.toString());
    String[] lines = r.out().strip().split("\n");
    assertEquals(2, lines.length, r.out());
    assertTrue(lines[0].strip().startsWith("1  queen"), r.out());
  }

  @Test
  void everyQueryCommandPrintsJson() throws Exception {
    String v = vectors.toString();
    JsonNode similar =
        json("similar", "--vectors", v, "--positive", "king,woman", "--negative", "man", "-k", "1");
    assertEquals("queen", similar.at("/neighbors/0/word").asText(), similar.toString());
    assertEquals("man", similar.at("/negative/0").asText(), similar.toString());
    assertEquals(v, similar.get("vectors").asText());
    JsonNode analogy = json("analogy", "--vectors", v, "man", "king", "woman", "-k", "1");
    assertEquals(similar.get("neighbors"), analogy.get("neighbors"), "analogy is similar");
    JsonNode neighbors = json("neighbors", "--vectors", v, "cat", "-k", "1");
    assertEquals("kitten", neighbors.at("/neighbors/0/word").asText(), neighbors.toString());
    assertEquals(5, neighbors.at("/neighbors/0/row").asInt(), neighbors.toString());
    JsonNode similarity = json("similarity", "--vectors", v, "king", "queen");
    assertEquals(0.5, similarity.get("similarity").asDouble(), 1e-6, similarity.toString());
    JsonNode odd = json("doesnt-match", "--vectors", v, "cat", "kitten", "car");
    assertEquals("car", odd.get("doesntMatch").asText(), odd.toString());
  }

  @Test
  void similarityAndDoesntMatchPrintTheAnswerAlone() throws Exception {
    W2vProcess.Result similarity =
        W2vProcess.run(work, "similarity", "--vectors", vectors.toString(), "king", "queen");
    assertEquals("0.5000\n", similarity.out(), similarity.toString());
    W2vProcess.Result odd =
        W2vProcess.run(
            work, "doesnt-match", "--vectors", vectors.toString(), "king", "queen", "kitten");
    assertEquals("kitten\n", odd.out(), odd.toString());
  }

  @Test
  void everyBadArgumentIsOneLineAndExitStatus2() throws Exception {
    String v = vectors.toString();
    List<List<String>> bad =
        List.of(
            List.of("neighbors", "--vectors", v, "cat", "-k", "0"),
            List.of("similar", "--vectors", v, "--positive", "king", "-k", "-3"),
            List.of("analogy", "--vectors", v, "man", "king", "woman", "-k", "many"),
            List.of("similar", "--vectors", v),
            List.of("similar", "--vectors", v, "--positive", ",", "--negative", ""),
            List.of("similar", "--vectors", v, "--positive", "king,qeen"),
            List.of("similarity", "--vectors", v, "king"),
            List.of("similarity", "--vectors", v, "king", "kitchen"),
            List.of("doesnt-match", "--vectors", v, "king", "queen"),
            List.of("doesnt-match", "--vectors", v, "king", "queen", "kat"),
            List.of("neighbors", "--vectors", work.resolve("missing.txt").toString(), "cat"));
    List<String> expected =
        List.of(
            "-k must be at least 1, got 0",
            "-k must be at least 1, got -3",
            "'many' is not an int",
            "no words to query",
            "no words to query",
            "unknown word 'qeen': it is not in the vocabulary; did you mean queen",
            "required parameter: 'WORD2'",
            "unknown word 'kitchen'",
            "needs at least three words, got 2",
            "unknown word 'kat'",
            "missing.txt");
    for (int i = 0; i < bad.size(); i++) {
      W2vProcess.Result r = W2vProcess.run(work, bad.get(i).toArray(String[]::new));
      assertEquals(2, r.exitCode(), r.toString());
      assertEquals("", r.out(), r.toString());
      assertEquals(1, r.err().strip().lines().count(), "one line: " + r);
      assertTrue(r.err().startsWith("w2v: "), r.toString());
      assertTrue(r.err().contains(expected.get(i)), "expected '" + expected.get(i) + "': " + r);
    }
  }

  private static JsonNode json(String... args) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.add("--json");
    W2vProcess.Result r = W2vProcess.run(work, all.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(1, r.out().strip().lines().count(), "one line of JSON: " + r.out());
    return Json.parse(r.out());
  }
}
