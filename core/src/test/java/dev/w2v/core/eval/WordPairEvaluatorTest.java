package dev.w2v.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import dev.w2v.core.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPairEvaluatorTest {

  @TempDir Path dir;

  @Test
  void correlatesCosinesWithScoresAndCountsUnknownPairs() throws IOException {
    WordVectors v = AnalogyEvaluatorTest.royals();
    Path file = dir.resolve("pairs.tsv");
    // cosines: king-kings high, king-queen medium, king-apple negative
    Files.writeString(
        file,
        "# comment\nking\tkings\t9\nKING\tqueen\t5\nking\tapple\t0.5\n"
            + "king\tzebra\t3\nnot a pair\n");
    SimilarityReport r = WordPairEvaluator.defaults().evaluate(v, file);
    assertEquals(3, r.pairs());
    assertEquals(1, r.outOfVocabulary());
    assertEquals(1, r.skippedLines());
    assertEquals(0.25, r.outOfVocabularyRatio(), 1e-12);
    double kk = WordPairEvaluator.cosine(v, 0, 4);
    double kq = WordPairEvaluator.cosine(v, 0, 1);
    double ka = WordPairEvaluator.cosine(v, 0, 5);
    assertTrue(kk > kq && kq > ka, "fixture ordering");
    assertEquals(1.0, r.spearman(), 1e-12);
    assertEquals(
        Correlation.pearson(new double[] {9, 5, 0.5}, new double[] {kk, kq, ka}),
        r.pearson(),
        1e-12);
    assertTrue(r.toJson().contains("\"pairs\":3"), r.toJson());
  }

  @Test
  void noUsablePairIsAnError() throws IOException {
    Path file = dir.resolve("pairs.tsv");
    Files.writeString(file, "zebra\tgnu\t3\n");
    W2vException e =
        assertThrows(
            W2vException.class,
            () -> WordPairEvaluator.defaults().evaluate(AnalogyEvaluatorTest.royals(), file));
    assertTrue(e.getMessage().contains("1 out of vocabulary"), e.getMessage());
  }
}
