package dev.w2v.core.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.Checkpoint;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.checkpoint.Fingerprint;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.testing.RealLosses;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;

/** What the run does the same way for every trainer. */
class TrainingRunTest {

  @TempDir Path dir;

  private static final Fingerprint SETTINGS = Fingerprint.of(Map.of("lr", 0.1));

  private static Checkpoint checkpoint(long position, float value) {
    return new Checkpoint(
        SETTINGS.text(), position, 0.1, 1, List.of(), List.of(new float[] {1, value}), List.of());
  }

  private TrainingRun run(TrainingListener listener, boolean resume) {
    return TrainingRun.builder(CorpusSource.ofLines(List.of("a b"), false), RealLosses.softmax())
        .listener(listener)
        .checkpoints(new CheckpointStore(dir, 3))
        .resume(resume)
        .build();
  }

  @Test
  void theListenerMakesItsRecordsDurableBeforeEachCheckpoint() {
    TrainingListener listener = mock(TrainingListener.class);
    TrainingRun run = run(listener, false);
    run.resumeFrom(SETTINGS);
    Path file = run.saveCheckpoint(checkpoint(5, 2));
    InOrder order = inOrder(listener);
    order.verify(listener).beforeCheckpoint(5);
    order.verify(listener).checkpointed(5, file);
  }

  @Test
  void aCheckpointWithANonFiniteParameterIsNeverWritten() {
    TrainingListener listener = mock(TrainingListener.class);
    TrainingRun run = run(listener, false);
    W2vException e =
        assertThrows(W2vException.class, () -> run.saveCheckpoint(checkpoint(5, Float.NaN)));
    assertTrue(e.getMessage().startsWith("training diverged"), e.getMessage());
    assertTrue(new CheckpointStore(dir, 3).files().isEmpty());
    verify(listener, never()).beforeCheckpoint(5);
  }

  @Test
  void aFreshRunReplacesAnEarlierRunsCheckpointsOnlyOnceItHasItsOwn() {
    run(TrainingListener.NONE, false).saveCheckpoint(checkpoint(100, 1));
    TrainingListener listener = mock(TrainingListener.class);
    TrainingRun fresh = run(listener, false);
    fresh.resumeFrom(SETTINGS);
    verify(listener).warning(any(String.class));
    assertTrue(new CheckpointStore(dir, 3).files().size() == 1, "kept until the first save");
    fresh.saveCheckpoint(checkpoint(7, 1));
    assertTrue(
        new CheckpointStore(dir, 3)
            .files().stream().allMatch(f -> CheckpointStore.iterationOf(f) == 7));
  }

  @Test
  void resumingWithoutACheckpointIsAClearError() {
    W2vException e =
        assertThrows(
            W2vException.class, () -> run(TrainingListener.NONE, true).resumeFrom(SETTINGS));
    assertTrue(e.getMessage().startsWith("nothing to resume"), e.getMessage());
  }

  @Test
  void theDivergenceMessageNamesACheckpointOnlyIfOneExists() {
    TrainingRun run = run(mock(TrainingListener.class), false);
    String without = run.diverged("the loss became NaN", "lower --lr").getMessage();
    assertTrue(without.contains("no checkpoint was written"), without);
    Path file = run.saveCheckpoint(checkpoint(3, 1));
    String with = run.diverged("the loss became NaN", "lower --lr").getMessage();
    assertTrue(with.contains("the last good checkpoint, " + file), with);
    verify(mock(TrainingListener.class), never()).warning(anyString());
  }
}
