package dev.w2v.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import dev.w2v.core.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalogyEvaluatorTest {

  @TempDir Path dir;

  /**
   * Axis 0 is "royal", axis 1 "female", axis 2 "plural": king = royal, queen = royal + female, man
   * = 0.1 royal, woman = 0.1 royal + female, kings = royal + plural. "Queen" (upper case) comes
   * after "queen", so case-insensitive lookups must take "queen".
   */
  static WordVectors royals() {
    return WordVectors.of(
        List.of("king", "queen", "man", "woman", "kings", "apple", "Queen", "men"),
        3,
        new float[] {
          1f, 0f, 0.05f,
          1f, 1f, 0.05f,
          0.1f, 0f, 0.05f,
          0.1f, 1f, 0.05f,
          1f, 0f, 1f,
          -1f, -1f, -1f,
          -5f, 3f, 0f,
          0.1f, 0f, 1f
        });
  }

  private Path questions(String text) throws IOException {
    Path file = dir.resolve("q.txt");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void knownAnswersAreFoundAndWrongOnesCounted() throws IOException {
    Path file =
        questions(
            ": gender\nman woman king queen\nMAN WOMAN King Queen\n"
                + "man woman king apple\n: number\nking kings man men\nking kings man zebra\n"
                + "bad line\n");
    AnalogyReport r = new AnalogyEvaluator(100, true).evaluate(royals(), file);
    assertEquals(
        List.of(new SectionScore("gender", 2, 1), new SectionScore("number", 1, 0)), r.sections());
    assertEquals(new SectionScore("Total accuracy", 3, 1), r.total());
    assertEquals(5, r.questions());
    assertEquals(1, r.outOfVocabulary(), "zebra");
    assertEquals(0.75, r.total().accuracy(), 1e-12);
  }

  @Test
  void caseSensitiveModeDoesNotFoldWords() throws IOException {
    Path file = questions(": gender\nman woman king queen\nMAN WOMAN King Queen\n");
    AnalogyReport r = new AnalogyEvaluator(100, false).evaluate(royals(), file);
    assertEquals(new SectionScore("gender", 1, 0), r.sections().get(0));
    assertEquals(1, r.outOfVocabulary());
  }

  @Test
  void restrictingTheVocabularySkipsRareWords() throws IOException {
    Path file = questions(": number\nking kings man men\nman woman king queen\n");
    AnalogyReport r = new AnalogyEvaluator(5, true).evaluate(royals(), file);
    assertEquals(1, r.outOfVocabulary(), "men is row 8, beyond the first 5");
    assertEquals(new SectionScore("number", 1, 0), r.sections().get(0));
  }

  @Test
  void tableAndJsonCarryTheFigures() throws IOException {
    Path file = questions(": gender\nman woman king queen\nman woman king apple\n");
    AnalogyReport r = AnalogyEvaluator.defaults().evaluate(royals(), file);
    assertTrue(r.toTable().contains("50.00%"), r.toTable());
    assertTrue(r.toTable().contains("Total accuracy"), r.toTable());
    assertTrue(
        r.toJson()
            .contains("{\"name\":\"gender\",\"correct\":1,\"incorrect\":1," + "\"accuracy\":0.5}"),
        r.toJson());
  }

  @Test
  void questionBeforeSectionIsAnErrorWithTheLine() throws IOException {
    Path file = questions("\nman woman king queen\n");
    W2vException e =
        assertThrows(
            W2vException.class, () -> AnalogyEvaluator.defaults().evaluate(royals(), file));
    assertTrue(
        e.getMessage().contains("line 1") && e.getMessage().contains(file.toString()),
        e.getMessage());
  }
}
