package dev.w2v.spark;

import dev.w2v.core.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A corpus with a structure a trainer must find: {@value #GROUPS} groups of {@value #WORDS} words,
 * each sentence drawn from one group with some common filler words. The first half of the file
 * holds only the first half of the groups, so with two shares each task sees only its own groups: a
 * merge that loses or mis-scales a task's changes leaves half the groups unlearned.
 */
final class PlantedCorpus {

  static final int GROUPS = 8;
  static final int WORDS = 12;
  private static final String[] FILLER = {"the", "of", "and", "a", "to"};

  private PlantedCorpus() {}

  static String word(int group, int i) {
    return "g" + group + "w" + i;
  }

  /** Writes {@code sentences} sentences to {@code file}. */
  static Path write(Path file, int sentences, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>(sentences);
    for (int s = 0; s < sentences; s++) {
      int half = s < sentences / 2 ? 0 : GROUPS / 2;
      int group = half + random.nextInt(GROUPS / 2);
      int length = 6 + random.nextInt(8);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < length; i++) {
        String w =
            random.nextInt(5) == 0
                ? FILLER[random.nextInt(FILLER.length)]
                : word(group, random.nextInt(WORDS));
        line.append(i == 0 ? "" : " ").append(w);
      }
      lines.add(line.toString());
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, lines);
  }

  /**
   * The share of group words whose nearest group word (by cosine of the input vectors) is of the
   * same group: about 1/8 for random vectors, near 1 for trained ones.
   */
  static double neighbourAccuracy(TrainedModel model) {
    return neighbourAccuracy(model, model.input());
  }

  /** The same for the rows of {@code vectors}, one per word (input or output vectors). */
  static double neighbourAccuracy(TrainedModel model, float[] vectors) {
    int d = model.dimension();
    float[] v = vectors;
    List<Integer> rows = new ArrayList<>();
    List<Integer> groups = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      for (int i = 0; i < WORDS; i++) {
        int row = model.vocabulary().indexOf(word(g, i));
        if (row >= 0) {
          rows.add(row);
          groups.add(g);
        }
      }
    }
    int right = 0;
    for (int a = 0; a < rows.size(); a++) {
      double best = -2;
      int bestGroup = -1;
      for (int b = 0; b < rows.size(); b++) {
        if (a == b) {
          continue;
        }
        double c = cosine(v, rows.get(a) * d, rows.get(b) * d, d);
        if (c > best) {
          best = c;
          bestGroup = groups.get(b);
        }
      }
      if (bestGroup == groups.get(a)) {
        right++;
      }
    }
    return right / (double) (GROUPS * WORDS);
  }

  private static double cosine(float[] v, int a, int b, int d) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < d; j++) {
      dot += v[a + j] * v[b + j];
      na += v[a + j] * v[a + j];
      nb += v[b + j] * v[b + j];
    }
    return dot / Math.sqrt(na * nb + 1e-30);
  }
}
