package dev.w2v.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.testing.GensimBridge;
import dev.w2v.core.vectors.VectorFileWriter;
import dev.w2v.core.vectors.VectorFormat;
import dev.w2v.core.vectors.WordVectors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our evaluation figures equal gensim's on the bundled test sets and synthetic vectors. */
class GensimEvaluationIT {

  /** The repository's data directory, relative to the core module where Maven runs tests. */
  static final Path QUESTIONS = Path.of("../data/questions-words.txt");

  static final Path PAIRS = Path.of("../data/wordsim353.tsv");

  @TempDir static Path dir;
  static WordVectors vectors;
  static Path file;

  @BeforeAll
  static void writeVectors() throws Exception {
    vectors = SyntheticVectors.build(QUESTIONS, PAIRS, 48, 30500, 7);
    file = dir.resolve("synthetic.bin");
    VectorFileWriter.write(vectors, file, VectorFormat.BINARY);
  }

  @Test
  void analogyAccuracyPerSectionAndTotalMatchesGensim() throws Exception {
    GensimBridge gensim = GensimBridge.requireGensim(dir);
    AnalogyReport ours = AnalogyEvaluator.defaults().evaluate(vectors, QUESTIONS);
    List<String> lines =
        gensim.run(
            "analogies", file.toString(), "binary", QUESTIONS.toAbsolutePath().toString(), "30000");
    List<SectionScore> all = new java.util.ArrayList<>(ours.sections());
    all.add(ours.total());
    assertEquals(all.size(), lines.size(), "sections plus total: " + lines);
    for (int i = 0; i < lines.size(); i++) {
      String[] p = lines.get(i).split("\t");
      SectionScore s = all.get(i);
      int correct = Integer.parseInt(p[2]);
      int incorrect = Integer.parseInt(p[3]);
      assertEquals(p[1], s.name());
      assertEquals(correct + incorrect, s.evaluated(), "evaluated in " + s.name());
      double theirs = correct + incorrect == 0 ? 0 : (double) correct / (correct + incorrect);
      assertEquals(theirs, s.accuracy(), 1e-3, "accuracy of " + s.name());
    }
    // the figures must be meaningful: neither all right nor all wrong, some questions skipped
    assertTrue(ours.total().accuracy() > 0.05 && ours.total().accuracy() < 0.99, ours.toTable());
    assertTrue(ours.outOfVocabulary() > 0, ours.toTable());
    System.out.println(ours.toTable());
  }

  @Test
  void wordSimilarityMatchesGensim() throws Exception {
    GensimBridge gensim = GensimBridge.requireGensim(dir);
    SimilarityReport ours = WordPairEvaluator.defaults().evaluate(vectors, PAIRS);
    List<String> lines =
        gensim.run("pairs", file.toString(), "binary", PAIRS.toAbsolutePath().toString());
    assertEquals(value(lines, "pearson"), ours.pearson(), 1e-3);
    assertEquals(value(lines, "spearman"), ours.spearman(), 1e-3);
    assertEquals(value(lines, "oov_ratio"), 100 * ours.outOfVocabularyRatio(), 1e-3);
    assertTrue(ours.spearman() > 0.1, ours.toTable());
    System.out.println(ours.toTable());
  }

  private static double value(List<String> lines, String name) {
    return lines.stream()
        .filter(l -> l.startsWith(name + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " missing in " + lines));
  }
}
