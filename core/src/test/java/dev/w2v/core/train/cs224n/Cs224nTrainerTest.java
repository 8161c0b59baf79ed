package dev.w2v.core.train.cs224n;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.testing.RealLosses;
import dev.w2v.core.train.Cancellation;
import dev.w2v.core.train.LossFactory;
import dev.w2v.core.train.Metric;
import dev.w2v.core.train.RecordingListener;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.train.TrainingCancelledException;
import dev.w2v.core.train.TrainingListener;
import dev.w2v.core.train.TrainingRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cs224nTrainerTest {

  @TempDir Path dir;

  /** Two topics whose words co-occur only within their topic: learnable structure. */
  static CorpusSource tinyCorpus() {
    Xoshiro256PlusPlus r = new Xoshiro256PlusPlus(11);
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < 300; s++) {
      int topic = s % 2;
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        line.append('w').append(topic * 10 + r.nextInt(10)).append(' ');
      }
      lines.add(line.toString());
    }
    return CorpusSource.ofLines(lines, false);
  }

  private static Cs224nConfig config(int iterations) {
    return new Cs224nConfig(6, 3, iterations, 10, 0.3, 300, 1.0, 3, 100, 10, 7);
  }

  private TrainingRun.Builder run(LossFactory loss) {
    return TrainingRun.builder(tinyCorpus(), loss);
  }

  @Test
  void lowersTheLossOnATinyCorpus() {
    RecordingListener listener = new RecordingListener();
    TrainedModel model =
        new Cs224nTrainer(config(600)).train(run(RealLosses.softmax()).listener(listener).build());
    assertEquals(60, listener.metrics.size());
    double first = listener.metrics.get(0).loss();
    double last = listener.metrics.get(59).loss();
    // Uniform guessing over 21 words costs ln 21 = 3.0 per outside word; topics halve the choice.
    assertTrue(last < first - 0.3, "loss went from " + first + " to " + last);
    assertEquals(0.15, listener.metrics.get(59).learningRate(), 1e-12, "halved at 300");
    assertEquals(21, model.vocabulary().size(), "20 words and CS224n's UNK");
    assertEquals("UNK", model.vocabulary().word(20));
    assertTrue(model.summary().startsWith("final smoothed loss"), model.summary());
    assertEquals(600, listener.last.done());
  }

  @Test
  void aRunInterruptedAndResumedEndsWithExactlyTheSameVectors() {
    TrainedModel straight =
        new Cs224nTrainer(config(450))
            .train(
                run(RealLosses.negativeSampling(5))
                    .checkpoints(new CheckpointStore(dir.resolve("a"), 3))
                    .build());

    CheckpointStore store = new CheckpointStore(dir.resolve("b"), 3);
    RuntimeException crash = new RuntimeException("simulated crash");
    TrainingListener crashing =
        new TrainingListener() {
          @Override
          public void metric(Metric m) {
            if (m.position() == 250) {
              throw crash; // after the checkpoint of 200, before that of 300
            }
          }
        };
    assertThrows(
        RuntimeException.class,
        () ->
            new Cs224nTrainer(config(450))
                .train(
                    run(RealLosses.negativeSampling(5))
                        .checkpoints(store)
                        .listener(crashing)
                        .build()));
    RecordingListener listener = new RecordingListener();
    TrainedModel resumed =
        new Cs224nTrainer(config(450))
            .train(
                run(RealLosses.negativeSampling(5))
                    .checkpoints(store)
                    .resume(true)
                    .listener(listener)
                    .build());
    assertEquals(200, listener.plan.start());
    assertArrayEquals(straight.input(), resumed.input());
    assertArrayEquals(straight.output(), resumed.output());
    assertEquals(straight.summary(), resumed.summary());
  }

  @Test
  void theSecondThreadChangesNoVectorAndItsCheckpointsResumeWithoutIt() {
    for (LossFactory loss :
        List.of(
            RealLosses.negativeSampling(5),
            RealLosses.softmax(),
            new dev.w2v.core.testing.BiasedLoss(RealLosses.negativeSampling(3)))) {
      TrainedModel inline = new Cs224nTrainer(config(450), false).train(run(loss).build());
      TrainedModel ahead = new Cs224nTrainer(config(450), true).train(run(loss).build());
      assertArrayEquals(inline.input(), ahead.input(), loss.description());
      assertArrayEquals(inline.output(), ahead.output(), loss.description());
      assertEquals(inline.summary(), ahead.summary());

      // Checkpoints written with the thread, resumed without it, and the other way round.
      Path a = dir.resolve("mixed-a-" + loss.lossName() + loss.hashCode());
      Path b = dir.resolve("mixed-b-" + loss.lossName() + loss.hashCode());
      new Cs224nTrainer(config(250), true)
          .train(run(loss).checkpoints(new CheckpointStore(a, 3)).build());
      new Cs224nTrainer(config(250), false)
          .train(run(loss).checkpoints(new CheckpointStore(b, 3)).build());
      TrainedModel fromAhead =
          new Cs224nTrainer(config(450), false)
              .train(run(loss).checkpoints(new CheckpointStore(a, 3)).resume(true).build());
      TrainedModel fromInline =
          new Cs224nTrainer(config(450), true)
              .train(run(loss).checkpoints(new CheckpointStore(b, 3)).resume(true).build());
      assertArrayEquals(inline.input(), fromAhead.input(), loss.description());
      assertArrayEquals(inline.output(), fromInline.output(), loss.description());
    }
  }

  @Test
  void aCancelledRunCheckpointsWhereItStoppedAndResumesExactly() {
    TrainedModel straight =
        new Cs224nTrainer(config(450)).train(run(RealLosses.negativeSampling(5)).build());
    CheckpointStore store = new CheckpointStore(dir.resolve("c"), 3);
    Cancellation cancellation = new Cancellation();
    TrainingListener cancelling =
        new TrainingListener() {
          @Override
          public void metric(Metric m) {
            if (m.position() == 130) {
              cancellation.request("interrupted");
            }
          }
        };
    TrainingCancelledException e =
        assertThrows(
            TrainingCancelledException.class,
            () ->
                new Cs224nTrainer(config(450))
                    .train(
                        run(RealLosses.negativeSampling(5))
                            .checkpoints(store)
                            .cancellation(cancellation)
                            .listener(cancelling)
                            .build()));
    assertTrue(e.getMessage().startsWith("interrupted at position 130"), e.getMessage());
    assertEquals(130, CheckpointStore.iterationOf(e.checkpoint().orElseThrow()));
    TrainedModel resumed =
        new Cs224nTrainer(config(450))
            .train(run(RealLosses.negativeSampling(5)).checkpoints(store).resume(true).build());
    assertArrayEquals(straight.input(), resumed.input());
  }

  @Test
  void resumingUnderOtherSettingsIsRefusedNamingTheDifference() {
    CheckpointStore store = new CheckpointStore(dir.resolve("d"), 3);
    new Cs224nTrainer(config(100)).train(run(RealLosses.softmax()).checkpoints(store).build());
    Cs224nConfig other = new Cs224nConfig(6, 3, 200, 10, 0.1, 300, 1.0, 3, 100, 10, 7);
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                new Cs224nTrainer(other)
                    .train(run(RealLosses.softmax()).checkpoints(store).resume(true).build()));
    assertTrue(
        e.getMessage().contains("lr was 0.3 in the checkpoint and is 0.1 now"), e.getMessage());
    // More iterations alone may differ: training goes on from the checkpoint.
    RecordingListener listener = new RecordingListener();
    new Cs224nTrainer(config(200))
        .train(
            run(RealLosses.softmax()).checkpoints(store).resume(true).listener(listener).build());
    assertEquals(100, listener.plan.start());
  }

  /** The real softmax, but its loss turns NaN after {@code calls} evaluations. */
  private static LossFactory explodingAfter(int calls) {
    LossFactory real = RealLosses.softmax();
    return new LossFactory() {
      @Override
      public Loss create(WordCounts counts, int dimension) {
        Loss inner = real.create(counts, dimension);
        return new Loss() {
          int seen;

          @Override
          public int dimension() {
            return inner.dimension();
          }

          @Override
          public int outputRows() {
            return inner.outputRows();
          }

          @Override
          public Scratch newScratch() {
            return inner.newScratch();
          }

          @Override
          public double lossAndGradient(
              Scratch s,
              float[] in,
              int off,
              int t,
              float[] out,
              RandomGenerator r,
              GradientSink sink) {
            double j = inner.lossAndGradient(s, in, off, t, out, r, sink);
            return ++seen > calls ? Double.NaN : j;
          }
        };
      }

      @Override
      public String description() {
        return "exploding softmax";
      }

      @Override
      public String lossName() {
        return "exploding";
      }
    };
  }

  @Test
  void aLossThatTurnsNanStopsWithAdviceAndNamesTheLastGoodCheckpoint() {
    CheckpointStore store = new CheckpointStore(dir.resolve("e"), 3);
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                new Cs224nTrainer(config(1000))
                    .train(run(explodingAfter(5_000)).checkpoints(store).build()));
    assertTrue(
        e.getMessage().contains("diverged") && e.getMessage().contains("NaN"), e.getMessage());
    assertTrue(e.getMessage().contains("lower --lr"), e.getMessage());
    assertFalse(store.files().isEmpty());
    assertTrue(e.getMessage().contains(store.files().get(0).toString()), e.getMessage());
    long last = CheckpointStore.iterationOf(store.files().get(0));
    assertEquals(0, last % 100, "only scheduled checkpoints: " + last);
  }

  @Test
  void aDivergenceBeforeAnyCheckpointSaysNoneWasWritten() {
    W2vException e =
        assertThrows(
            W2vException.class,
            () -> new Cs224nTrainer(config(1000)).train(run(explodingAfter(10)).build()));
    assertTrue(e.getMessage().contains("no checkpoint was written"), e.getMessage());
    assertFalse(e.getMessage().contains("last good checkpoint"), e.getMessage());
  }

  @Test
  void aLossesOwnParametersAreTrainedAndSurviveAResume() {
    LossFactory biased = new dev.w2v.core.testing.BiasedLoss(RealLosses.negativeSampling(5));
    TrainedModel straight = new Cs224nTrainer(config(300)).train(run(biased).build());
    float[] bias = straight.extras().get(0);
    int moved = 0;
    for (float b : bias) {
      assertTrue(b >= 0f && b < 1f, "bias " + b);
      moved += b > 0 ? 1 : 0;
    }
    assertTrue(moved >= 20, "biases of targets moved: " + moved);
    CheckpointStore store = new CheckpointStore(dir.resolve("biased"), 3);
    new Cs224nTrainer(config(150)).train(run(biased).checkpoints(store).build());
    TrainedModel resumed =
        new Cs224nTrainer(config(300)).train(run(biased).checkpoints(store).resume(true).build());
    assertArrayEquals(straight.input(), resumed.input());
    assertArrayEquals(bias, resumed.extras().get(0));
  }
}
