package dev.w2v.runner.query;

import dev.w2v.core.json.Json;
import dev.w2v.library.Neighbor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The answer of a query that returns words, shared by {@code neighbors}, {@code analogy} and {@code
 * similar}: each is a gensim {@code most_similar(positive, negative)}, so their JSON has one shape
 * and a script can read all three alike.
 *
 * @param vectors the vector file queried
 * @param positive the words added
 * @param negative the words subtracted
 * @param neighbors the words found, best first
 */
record Neighbors(
    String vectors, List<String> positive, List<String> negative, List<Neighbor> neighbors) {

  static Neighbors of(
      Path vectors, List<String> positive, List<String> negative, List<Neighbor> found) {
    return new Neighbors(vectors.toString(), List.copyOf(positive), List.copyOf(negative), found);
  }

  /** Prints a ranked table, or one line of JSON. */
  void print(PrintWriter out, boolean json) {
    if (json) {
      out.println(Json.write(this));
    } else {
      int width = Math.max(4, neighbors.stream().mapToInt(n -> n.word().length()).max().orElse(4));
      for (int i = 0; i < neighbors.size(); i++) {
        Neighbor n = neighbors.get(i);
        out.printf(Locale.ROOT, "%3d  %-" + width + "s  %.4f%n", i + 1, n.word(), n.similarity());
      }
    }
    out.flush();
  }
}
