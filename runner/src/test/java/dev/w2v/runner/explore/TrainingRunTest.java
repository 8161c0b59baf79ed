package dev.w2v.runner.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.w2v.core.W2vException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {

  @TempDir Path folder;

  private TrainingRun run() {
    return new TrainingRun(folder, new ObjectMapper());
  }

  @Test
  void theCs224nLogIsReadByItsHeaderWithItsLearningRate() throws Exception {
    Files.writeString(
        folder.resolve("metrics.csv"),
        "iteration,smoothed_loss,learning_rate\n10,19.9,0.3\n20,NaN,0.3\n30,18.5,0.15\n");
    TrainingRun.Metrics m = run().snapshot().metrics();
    assertEquals("iteration", m.x());
    assertEquals("smoothed_loss", m.loss());
    assertEquals("learning_rate", m.learningRate());
    assertEquals(3, m.rows());
    assertNull(m.points().get(1)[1], "a diverged loss is a gap, not a number");
    assertEquals(0.15, m.points().get(2)[2]);
  }

  @Test
  void columnsAreFoundByNameWhereverTheLearningRateIs() throws Exception {
    Files.writeString(
        folder.resolve("metrics.csv"), "epoch, loss, threads, learning_rate\n1,3.5,2,0.025\n");
    TrainingRun.Metrics m = run().snapshot().metrics();
    assertEquals(List.of("epoch", "loss", "threads", "learning_rate"), m.columns());
    assertEquals("epoch", m.x());
    assertEquals(0.025, m.points().get(0)[2]);
  }

  @Test
  void longLogsAreThinnedKeepingTheFirstAndLastRow() throws Exception {
    StringBuilder csv = new StringBuilder("words,loss\n");
    for (int i = 0; i < 10_001; i++) {
      csv.append(i).append(',').append(1.0 / (i + 1)).append('\n');
    }
    Files.writeString(folder.resolve("metrics.csv"), csv);
    TrainingRun.Metrics m = run().snapshot().metrics();
    assertEquals(10_001, m.rows());
    assertEquals(TrainingRun.MAX_POINTS, m.points().size());
    assertEquals(0.0, m.points().get(0)[0]);
    assertEquals(10_000.0, m.points().get(TrainingRun.MAX_POINTS - 1)[0]);
  }

  @Test
  void missingAndBrokenFilesAreNamedNotFatal() throws Exception {
    TrainingRun.Snapshot empty = run().snapshot();
    assertNull(empty.metrics());
    assertNull(empty.evaluation());
    assertEquals(2, empty.missing().size(), empty.missing().toString());
    assertTrue(empty.missing().get(0).startsWith("metrics.csv is not in "));
    assertTrue(empty.missing().get(1).contains("--set analogies=FILE"));

    Files.writeString(folder.resolve("metrics.csv"), "10,19.9,0.3\n");
    Files.writeString(folder.resolve("evaluation.json"), "{\"analogies\": [");
    Files.writeString(folder.resolve("loss.png"), "png");
    TrainingRun.Snapshot broken = run().snapshot();
    assertTrue(broken.missing().get(0).contains("has no header line"), broken.missing().get(0));
    assertTrue(broken.missing().get(1).contains("is not valid JSON"), broken.missing().get(1));
    assertEquals(List.of("loss.png"), broken.pictures());
  }

  @Test
  void onlyTheTwoPicturesAreEverServedAndTheFolderMustExist() throws Exception {
    Files.writeString(folder.resolve("loss.png"), "png");
    Files.writeString(folder.resolve("vectors.txt"), "1 1\na 1\n");
    TrainingRun run = run();
    assertEquals(folder.resolve("loss.png"), run.picture("loss.png"));
    assertNull(run.picture("word_vectors.png"), "absent");
    for (String name : List.of("vectors.txt", "../loss.png", "./loss.png", "loss.png/", "")) {
      assertNull(run.picture(name), name);
    }
    W2vException e =
        assertThrows(
            W2vException.class, () -> new TrainingRun(folder.resolve("nope"), new ObjectMapper()));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }
}
