package dev.w2v.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.w2v.core.testing.GensimBridge;
import dev.w2v.core.vectors.VectorFileWriter;
import dev.w2v.core.vectors.VectorFormat;
import dev.w2v.core.vectors.WordVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link VectorQueries} answers as gensim's {@code KeyedVectors} does on the same file: the same
 * words in the same order, similarities equal to float precision, for most_similar with positive
 * and negative words, similarity and doesnt_match.
 */
class GensimQueriesIT {

  /** gensim computes in float32; our sums run in another order. */
  private static final double TOLERANCE = 1e-5;

  @TempDir static Path dir;
  static WordVectors vectors;
  static Path file;

  @BeforeAll
  static void writeVectors() {
    // Clusters of 20 words around 40 centres, so neighbours are meaningful, plus non-ASCII words.
    SplittableRandom random = new SplittableRandom(2024);
    int dim = 24;
    List<String> words = new ArrayList<>();
    int clusters = 40;
    float[][] centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = (float) random.nextGaussian();
      }
    }
    int n = clusters * 20 + 3;
    float[] data = new float[n * dim];
    for (int i = 0; i < n; i++) {
      words.add(
          i < clusters * 20 ? "w" + i : List.of("straße", "日本語", "Île").get(i - clusters * 20));
      float[] c = centres[i % clusters];
      for (int j = 0; j < dim; j++) {
        data[i * dim + j] = (float) (c[j] * 0.8 + random.nextGaussian() * 0.6);
      }
    }
    vectors = WordVectors.of(words, dim, data);
    file = dir.resolve("clusters.bin");
    VectorFileWriter.write(vectors, file, VectorFormat.BINARY);
  }

  @Test
  void mostSimilarSimilarityAndDoesntMatchEqualGensims() throws Exception {
    GensimBridge gensim = GensimBridge.requireGensim(dir);
    VectorQueries queries = VectorQueries.of(vectors);
    List<String> lines = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int q = 0; q < 60; q++) {
      // distinct words: a word given as both positive and negative cancels, leaving every score 0
      int plus = q % 4 == 3 ? 0 : 1 + q % 3;
      List<String> words = randomWords(random, plus + (q % 4 == 3 ? 2 : q % 2));
      List<String> positive = words.subList(0, plus);
      List<String> negative = words.subList(plus, words.size());
      int k = List.of(1, 5, 10, 50).get(q % 4);
      lines.add(
          "most_similar\t"
              + k
              + "\t"
              + String.join(",", positive)
              + "\t"
              + String.join(",", negative));
      expected.add(queries.mostSimilar(positive, negative, k));
    }
    // a repeated word counts twice; k beyond the vocabulary returns every other word
    lines.add("most_similar\t3\tw1,w1,w2\tw3");
    expected.add(queries.mostSimilar(List.of("w1", "w1", "w2"), List.of("w3"), 3));
    lines.add("most_similar\t5000\tstraße\t日本語");
    expected.add(queries.mostSimilar(List.of("straße"), List.of("日本語"), 5000));
    for (int q = 0; q < 40; q++) {
      List<String> pair = randomWords(random, 2);
      lines.add("similarity\t" + pair.get(0) + "\t" + pair.get(1));
      expected.add(queries.similarity(pair.get(0), pair.get(1)));
    }
    for (int q = 0; q < 40; q++) {
      // words of one cluster and one intruder, or words chosen at random
      List<String> words = new ArrayList<>();
      int cluster = random.nextInt(40);
      for (int i = 0; i < 3 + q % 4; i++) {
        words.add("w" + (cluster + 40 * random.nextInt(20)));
      }
      words.add(random.nextInt(words.size() + 1), q % 2 == 0 ? "w" + random.nextInt(800) : "Île");
      lines.add("doesnt_match\t" + String.join(",", words));
      expected.add(queries.doesntMatch(words));
    }
    Path input = dir.resolve("queries.tsv");
    Files.write(input, lines, StandardCharsets.UTF_8);
    List<String> answers = gensim.run("queries", file.toString(), "binary", input.toString());
    assertEquals(lines.size(), answers.size(), "one answer per query");
    for (int i = 0; i < lines.size(); i++) {
      String query = lines.get(i);
      String theirs = answers.get(i);
      Object ours = expected.get(i);
      if (ours instanceof List<?> found) {
        String[] p = theirs.isEmpty() ? new String[0] : theirs.split("\t");
        assertEquals(p.length / 2, found.size(), query + "\n gensim: " + theirs);
        for (int r = 0; r < found.size(); r++) {
          Neighbor n = (Neighbor) found.get(r);
          assertEquals(p[2 * r], n.word(), "rank " + (r + 1) + " of " + query);
          assertEquals(
              Double.parseDouble(p[2 * r + 1]), n.similarity(), TOLERANCE, "similarity of " + n);
        }
      } else if (ours instanceof Double similarity) {
        assertEquals(Double.parseDouble(theirs), similarity, TOLERANCE, query);
      } else {
        assertEquals(theirs, ours, query);
      }
    }
    System.out.println(lines.size() + " queries answered as gensim answers them");
  }

  /** {@code count} distinct words at random. */
  private static List<String> randomWords(SplittableRandom random, int count) {
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < count) {
      out.add(vectors.word(random.nextInt(vectors.size())));
    }
    return new ArrayList<>(out);
  }
}
