package dev.w2v.runner.explore;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.w2v.core.projection.PrincipalComponents;
import dev.w2v.core.projection.Tsne;
import dev.w2v.core.vectors.WordVectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Places words on a plane by PCA (core's {@link PrincipalComponents}) or exact t-SNE (core's {@link
 * Tsne}, 1000 iterations, seed 42).
 *
 * <p>Both work on the unit-length vectors, so that distance on the map follows the cosine
 * similarity the neighbour lists rank by (as the Embedding Projector's "spherize" does). t-SNE maps
 * are deterministic but cost up to a second or two, so the last few are kept; PCA takes
 * milliseconds and is not.
 */
final class WordMaps {

  /** How words are placed. */
  enum Method {
    PCA,
    TSNE;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A word on the map; {@code similarity} is set on neighbourhood maps only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Point(String word, double x, double y, Double similarity) {}

  private static final int CACHED_MAPS = 32;

  private final WordVectors vectors;
  private final Map<String, double[][]> cache =
      new LinkedHashMap<>(CACHED_MAPS, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[][]> eldest) {
          return size() > CACHED_MAPS;
        }
      };

  WordMaps(WordVectors vectors) {
    this.vectors = vectors;
  }

  /** The plane coordinates of {@code rows}, in their order. */
  double[][] place(int[] rows, Method method, double perplexity) {
    if (method == Method.PCA) {
      return PrincipalComponents.project(unitRows(rows), rows.length, vectors.dim());
    }
    StringBuilder key = new StringBuilder().append(perplexity);
    for (int row : rows) {
      key.append(',').append(row);
    }
    synchronized (cache) {
      double[][] cached = cache.get(key.toString());
      if (cached != null) {
        return cached;
      }
    }
    double[][] xy =
        Tsne.project(
            unitRows(rows),
            rows.length,
            vectors.dim(),
            new Tsne.Settings(perplexity, Tsne.Settings.defaults().iterations(), 42));
    synchronized (cache) {
      cache.put(key.toString(), xy);
    }
    return xy;
  }

  /**
   * Points for {@code words} (their rows given), with similarities if {@code similarity} is set.
   */
  List<Point> points(
      List<String> words, int[] rows, double[] similarity, Method method, double perplexity) {
    double[][] xy = place(rows, method, perplexity);
    List<Point> out = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      out.add(
          new Point(words.get(i), xy[i][0], xy[i][1], similarity == null ? null : similarity[i]));
    }
    return out;
  }

  private float[] unitRows(int[] rows) {
    int d = vectors.dim();
    float[] out = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      vectors.copyRow(rows[i], out, i * d);
      double sum = 0;
      for (int j = 0; j < d; j++) {
        sum += (double) out[i * d + j] * out[i * d + j];
      }
      double norm = Math.sqrt(sum);
      for (int j = 0; j < d; j++) {
        out[i * d + j] = norm > 0 ? (float) (out[i * d + j] / norm) : 0f;
      }
    }
    return out;
  }
}
