package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.w2v.core.json.Json;
import dev.w2v.core.testing.GensimBridge;
import dev.w2v.core.vectors.VectorFileWriter;
import dev.w2v.core.vectors.VectorFormat;
import dev.w2v.core.vectors.WordVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query commands print what gensim's KeyedVectors answers on the same file. */
class GensimQueryCommandsIT {

  @TempDir Path work;

  @Test
  void queryCommandsAnswerAsGensim() throws Exception {
    GensimBridge gensim = GensimBridge.requireGensim(work);
    // one format: core's ITs read both formats against gensim; this is about the commands
    for (VectorFormat format : List.of(VectorFormat.BINARY)) {
      Path file = work.resolve("v." + format.name().toLowerCase(java.util.Locale.ROOT));
      VectorFileWriter.write(clusters(), file, format);
      String v = file.toString();
      List<String> queries =
          List.of(
              "most_similar\t5\tw3\t",
              "most_similar\t4\tw1,w7\tw2",
              "most_similar\t3\t\tw5,w6",
              "similarity\tw1\tw41",
              "doesnt_match\tw1,w41,w81,w2");
      Path input = Files.write(work.resolve("queries.tsv"), queries, StandardCharsets.UTF_8);
      List<String> theirs =
          gensim.run(
              "queries", v, format == VectorFormat.BINARY ? "binary" : "text", input.toString());
      assertNeighbors(theirs.get(0), cli("neighbors", "--vectors", v, "w3", "-k", "5"));
      assertNeighbors(
          theirs.get(1),
          cli("similar", "--vectors", v, "--positive", "w1,w7", "--negative", "w2", "-k", "4"));
      assertNeighbors(theirs.get(1), cli("analogy", "--vectors", v, "w2", "w1", "w7", "-k", "4"));
      assertNeighbors(
          theirs.get(2), cli("similar", "--vectors", v, "--negative", "w5,w6", "-k", "3"));
      assertEquals(
          Double.parseDouble(theirs.get(3)),
          cli("similarity", "--vectors", v, "w1", "w41").get("similarity").asDouble(),
          1e-6);
      assertEquals(
          theirs.get(4),
          cli("doesnt-match", "--vectors", v, "w1", "w41", "w81", "w2")
              .get("doesntMatch")
              .asText());
    }
  }

  private JsonNode cli(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--json");
    W2vProcess.Result r = W2vProcess.run(work, all.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.toString());
    return Json.parse(r.out());
  }

  private static void assertNeighbors(String gensim, JsonNode ours) {
    String[] p = gensim.split("\t");
    JsonNode found = ours.get("neighbors");
    assertEquals(p.length / 2, found.size(), gensim + "\n" + ours);
    for (int i = 0; i < found.size(); i++) {
      assertEquals(p[2 * i], found.get(i).get("word").asText(), gensim + "\n" + ours);
      assertEquals(
          Double.parseDouble(p[2 * i + 1]), found.get(i).get("similarity").asDouble(), 1e-5);
    }
  }

  /** 400 words around 40 centres (w0, w40, w80, ... share one), 16 dimensions. */
  private static WordVectors clusters() {
    SplittableRandom random = new SplittableRandom(5);
    int dim = 16;
    float[][] centres = new float[40][dim];
    for (float[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = (float) random.nextGaussian();
      }
    }
    List<String> words = new ArrayList<>();
    float[] data = new float[400 * dim];
    for (int i = 0; i < 400; i++) {
      words.add("w" + i);
      for (int j = 0; j < dim; j++) {
        data[i * dim + j] = (float) (centres[i % 40][j] + 0.5 * random.nextGaussian());
      }
    }
    return WordVectors.of(words, dim, data);
  }
}
