package dev.w2v.core.eval;

import dev.w2v.core.vectors.WordVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic vectors over the words of the bundled evaluation files on which the scores are
 * meaningful: each analogy section has a relation vector, and repeated relaxation pulls every pair
 * (a, b) of a section towards {@code v(b) - v(a) = relation}, so many analogies hold but not all (a
 * word takes part in several sections, and noise is added). Word-similarity pairs are pulled
 * together in proportion to their human score. Filler words make the vocabulary larger than 30000,
 * some question words sit beyond row 30000 (out of the analogy vocabulary) and some words get a
 * lower-case variant later in the file, to exercise gensim's case rules.
 */
final class SyntheticVectors {

  private SyntheticVectors() {}

  static WordVectors build(Path questions, Path pairs, int dim, int fillers, long seed)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    LinkedHashSet<String> words = new LinkedHashSet<>();
    Map<String, List<String[]>> relations = new HashMap<>();
    String section = null;
    for (String line : Files.readAllLines(questions, StandardCharsets.UTF_8)) {
      if (line.startsWith(": ")) {
        section = line.substring(2).strip();
        continue;
      }
      String[] w = line.strip().split("\\s+");
      if (w.length == 4) {
        relations.computeIfAbsent(section, k -> new ArrayList<>()).add(new String[] {w[0], w[1]});
        relations.get(section).add(new String[] {w[2], w[3]});
        for (String x : w) {
          words.add(x);
        }
      }
    }
    List<String[]> judged = new ArrayList<>();
    for (String line : Files.readAllLines(pairs, StandardCharsets.UTF_8)) {
      String[] p = line.split("\t");
      if (!line.startsWith("#") && p.length == 3) {
        judged.add(p);
        words.add(p[0]);
        // leave some second words out entirely, so some pairs are out of vocabulary
        if (judged.size() % 17 != 0) {
          words.add(p[1]);
        }
      }
    }
    Map<String, float[]> v = new HashMap<>();
    for (String w : words) {
      v.put(w, gaussian(random, dim, 1.0));
    }
    List<String> sections = new ArrayList<>(relations.keySet());
    sections.sort(null);
    for (int round = 0; round < 8; round++) {
      for (String s : sections) {
        float[] relation = v.computeIfAbsent(":" + s, k -> gaussian(random, dim, 1.0));
        for (String[] pair : relations.get(s)) {
          float[] a = v.get(pair[0]);
          float[] b = v.get(pair[1]);
          for (int j = 0; j < dim; j++) {
            float error = b[j] - a[j] - relation[j];
            a[j] += 0.2f * error;
            b[j] -= 0.2f * error;
          }
        }
      }
    }
    for (String[] p : judged) {
      float pull = Float.parseFloat(p[2].strip()) / 12f;
      float[] a = v.get(p[0]);
      float[] b = v.get(p[1]);
      if (b == null) {
        continue;
      }
      for (int j = 0; j < dim; j++) {
        float mid = (a[j] + b[j]) / 2;
        a[j] += pull * (mid - a[j]);
        b[j] += pull * (mid - b[j]);
      }
    }
    List<String> front = new ArrayList<>();
    List<String> back = new ArrayList<>();
    int k = 0;
    for (String w : words) {
      (k++ % 23 == 0 ? back : front).add(w);
    }
    List<String> order = new ArrayList<>(front);
    LinkedHashSet<String> taken = new LinkedHashSet<>(words);
    for (int i = 0; i < front.size(); i += 7) {
      String lower = front.get(i).toLowerCase(Locale.ROOT);
      if (taken.add(lower)) {
        order.add(lower);
        v.put(lower, gaussian(random, dim, 1.0));
      }
    }
    for (int i = 0; i < fillers; i++) {
      String w = "filler" + i;
      order.add(w);
      v.put(w, gaussian(random, dim, 1.0));
    }
    order.addAll(back);
    float[] data = new float[order.size() * dim];
    for (int i = 0; i < order.size(); i++) {
      float[] x = v.get(order.get(i));
      for (int j = 0; j < dim; j++) {
        data[i * dim + j] = x[j] + (float) (random.nextGaussian() * 0.55 / Math.sqrt(dim));
      }
    }
    return WordVectors.of(order, dim, data);
  }

  private static float[] gaussian(SplittableRandom random, int dim, double scale) {
    float[] x = new float[dim];
    for (int j = 0; j < dim; j++) {
      x[j] = (float) (random.nextGaussian() * scale / Math.sqrt(dim));
    }
    return x;
  }
}
