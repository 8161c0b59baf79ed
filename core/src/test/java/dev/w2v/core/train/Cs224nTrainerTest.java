package dev.w2v.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.corpus.Corpus;
import dev.w2v.core.corpus.Vocabulary;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.testing.TestSoftmaxLoss;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cs224nTrainerTest {

  @TempDir Path dir;

  /** Two topics whose words co-occur only within their topic: learnable structure. */
  static Corpus tinyCorpus() {
    Xoshiro256PlusPlus r = new Xoshiro256PlusPlus(11);
    List<int[]> sentences = new ArrayList<>();
    for (int s = 0; s < 300; s++) {
      int topic = s % 2;
      int[] sentence = new int[8];
      for (int i = 0; i < 8; i++) {
        sentence[i] = topic * 10 + r.nextInt(10);
      }
      sentences.add(sentence);
    }
    long[] counts = new long[20];
    for (int[] s : sentences) {
      for (int w : s) {
        counts[w]++;
      }
    }
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      words.add("w" + i);
    }
    return new Corpus(new Vocabulary(words, counts), sentences);
  }

  private static Cs224nConfig config(int iterations) {
    return new Cs224nConfig(6, 3, iterations, 10, 0.3, 300, 1.0, 3, 100, 10, 7);
  }

  @Test
  void lowersTheLossOnATinyCorpus() {
    Cs224nTrainer trainer =
        new Cs224nTrainer(config(600), tinyCorpus(), new TestSoftmaxLoss(20, 6));
    List<Double> losses = new ArrayList<>();
    trainer.train(
        null,
        new TrainingListener() {
          @Override
          public void progress(long iteration, double smoothedLoss, double learningRate) {
            losses.add(smoothedLoss);
          }
        });
    assertEquals(60, losses.size());
    double first = losses.get(0);
    double last = losses.get(losses.size() - 1);
    // Uniform guessing over 20 words costs ln 20 = 3.0 per outside word; topics halve the choice.
    assertTrue(last < first - 0.3, "loss went from " + first + " to " + last);
    assertEquals(0.075, trainer.learningRate(), 1e-12, "halved at iterations 300 and 600");
  }

  @Test
  void initialisesAsTheCourseDoes() {
    Cs224nTrainer trainer = new Cs224nTrainer(config(1), tinyCorpus(), new TestSoftmaxLoss(20, 6));
    for (float x : trainer.inputVectors()) {
      assertTrue(x >= -0.5f / 6 && x < 0.5f / 6, "center vectors start in [-0.5, 0.5)/dim: " + x);
    }
    for (float x : trainer.outputVectors()) {
      assertEquals(0f, x);
    }
  }

  @Test
  void aRunInterruptedAndResumedEndsWithExactlyTheSameVectors() {
    Corpus corpus = tinyCorpus();
    Cs224nTrainer straight = new Cs224nTrainer(config(450), corpus, new TestSoftmaxLoss(20, 6));
    straight.train(new CheckpointStore(dir.resolve("a"), 3), TrainingListener.NONE);

    CheckpointStore store = new CheckpointStore(dir.resolve("b"), 3);
    Cs224nTrainer first = new Cs224nTrainer(config(450), corpus, new TestSoftmaxLoss(20, 6));
    RuntimeException crash = new RuntimeException("simulated crash");
    assertThrows(
        RuntimeException.class,
        () ->
            first.train(
                store,
                new TrainingListener() {
                  @Override
                  public void progress(long iteration, double smoothedLoss, double learningRate) {
                    if (iteration == 250) {
                      throw crash; // after the checkpoint of 200, before that of 300
                    }
                  }
                }));
    Cs224nTrainer resumed = new Cs224nTrainer(config(450), corpus, new TestSoftmaxLoss(20, 6));
    resumed.restore(store.loadNewest(w -> {}).orElseThrow());
    assertEquals(200, resumed.iteration());
    resumed.train(store, TrainingListener.NONE);

    assertArrayEquals(straight.inputVectors(), resumed.inputVectors());
    assertArrayEquals(straight.outputVectors(), resumed.outputVectors());
    assertEquals(straight.smoothedLoss(), resumed.smoothedLoss());
    assertEquals(straight.learningRate(), resumed.learningRate());
  }

  @Test
  void resumingUnderOtherSettingsIsRefused() {
    Corpus corpus = tinyCorpus();
    CheckpointStore store = new CheckpointStore(dir.resolve("c"), 3);
    new Cs224nTrainer(config(100), corpus, new TestSoftmaxLoss(20, 6))
        .train(store, TrainingListener.NONE);
    Cs224nConfig other = new Cs224nConfig(6, 3, 200, 10, 0.1, 300, 1.0, 3, 100, 10, 7);
    Cs224nTrainer trainer = new Cs224nTrainer(other, corpus, new TestSoftmaxLoss(20, 6));
    W2vException e =
        assertThrows(
            W2vException.class, () -> trainer.restore(store.loadNewest(w -> {}).orElseThrow()));
    assertTrue(e.getMessage().contains("other settings"), e.getMessage());
  }

  @Test
  void aLossThatTurnsNanStopsWithAdviceAndKeepsTheLastCheckpoint() {
    Loss exploding =
        new Loss() {
          final Loss inner = new TestSoftmaxLoss(20, 6);
          int calls;

          @Override
          public int dimension() {
            return 6;
          }

          @Override
          public int outputRows() {
            return 20;
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
            return ++calls > 5_000 ? Double.NaN : j;
          }
        };
    CheckpointStore store = new CheckpointStore(dir.resolve("d"), 3);
    Cs224nTrainer trainer = new Cs224nTrainer(config(1000), tinyCorpus(), exploding);
    W2vException e =
        assertThrows(W2vException.class, () -> trainer.train(store, TrainingListener.NONE));
    assertTrue(
        e.getMessage().contains("NaN") && e.getMessage().contains("smaller --lr"), e.getMessage());
    assertFalse(store.files().isEmpty());
    long last = CheckpointStore.iterationOf(store.files().get(0));
    assertTrue(
        last % 100 == 0 && last < trainer.iteration() + 1, "only scheduled checkpoints: " + last);
  }
}
