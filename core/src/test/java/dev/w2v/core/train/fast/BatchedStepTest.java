package dev.w2v.core.train.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.BatchedLoss;
import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.testing.RealLosses;
import dev.w2v.core.train.LossFactory;
import dev.w2v.core.train.Metric;
import dev.w2v.core.train.RecordingListener;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.train.TrainingListener;
import dev.w2v.core.train.TrainingRun;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batched step through the whole trainer: learning, reproducibility, resume, the choice. */
class BatchedStepTest {

  @TempDir Path dir;

  /** Sentences of 7 words of one of 12 topics; topic 0's center is syn1 or syn2 at random. */
  private Path plantedSynonyms(int sentences) throws IOException {
    Path file = dir.resolve("synonyms-" + sentences + ".txt");
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(99);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int s = 0; s < sentences; s++) {
        int topic = random.nextInt(12);
        String center = topic == 0 ? (random.nextInt(2) == 0 ? "syn1" : "syn2") : "center" + topic;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 6; i++) {
          line.append(i == 3 ? center + " " : "").append("t" + topic + "w" + random.nextInt(6));
          line.append(' ');
        }
        out.write(line.toString().trim());
        out.write('\n');
      }
    }
    return file;
  }

  private static FastConfig config(Model model) {
    return FastConfig.defaults()
        .withModel(model)
        .withDimension(16)
        .withMinCount(1)
        .withEpochs(2)
        .withThreads(1)
        .withSeed(42)
        .withCheckpointSeconds(0);
  }

  private static FastTrainer trainer(FastConfig config, StepKind kind) {
    return new FastTrainer(config, Duration.ofMillis(5), kind);
  }

  private static TrainingRun.Builder run(Path corpus, LossFactory losses) {
    return TrainingRun.builder(CorpusSource.of(corpus, CorpusFormat.TEXT, false), losses);
  }

  private static TrainingRun.Builder run(Path corpus) {
    return run(corpus, RealLosses.negativeSampling(5));
  }

  private static double cosine(TrainedModel m, String a, String b) {
    int d = m.dimension();
    int x = m.vocabulary().indexOf(a) * d;
    int y = m.vocabulary().indexOf(b) * d;
    float[] v = m.input();
    double dot = 0;
    double nx = 0;
    double ny = 0;
    for (int j = 0; j < d; j++) {
      dot += v[x + j] * v[y + j];
      nx += v[x + j] * v[x + j];
      ny += v[y + j] * v[y + j];
    }
    return dot / Math.sqrt(nx * ny);
  }

  @Test
  void negativeSamplingHasABatchedFormAndSoftmaxHasNone() {
    WordCounts counts = WordCounts.of(new long[] {5, 4, 3, 2, 1});
    assertTrue(RealLosses.negativeSampling(5).create(counts, 4) instanceof BatchedLoss);
    assertFalse(RealLosses.softmax().create(counts, 4) instanceof BatchedLoss);
  }

  @Test
  void bothModelsLearnThePlantedSynonymsBatchedOnTwoThreads() throws IOException {
    Path corpus = plantedSynonyms(20_000);
    for (Model model : Model.values()) {
      FastConfig config = config(model).withDimension(24).withSample(0).withEpochs(5);
      TrainedModel m = trainer(config.withThreads(2), StepKind.BATCHED).train(run(corpus).build());
      double synonyms = cosine(m, "syn1", "syn2");
      assertTrue(
          synonyms > 0.8, String.format("%s: syn1 and syn2 at cosine %.3f", model, synonyms));
      assertTrue(
          synonyms > cosine(m, "syn1", "center5") + 0.3,
          model.key() + ": syn1 is as near center5 as syn2");
    }
  }

  @Test
  void oneBatchedThreadAndASeedGiveBitIdenticalVectorsUnlikeThePerPairStep() throws IOException {
    Path corpus = plantedSynonyms(3_000);
    for (Model model : Model.values()) {
      FastConfig config = config(model);
      TrainedModel a = trainer(config, StepKind.BATCHED).train(run(corpus).build());
      TrainedModel b = trainer(config, StepKind.BATCHED).train(run(corpus).build());
      assertArrayEquals(a.input(), b.input(), model.key());
      assertArrayEquals(a.output(), b.output(), model.key());
      TrainedModel pairs = trainer(config, StepKind.PAIRS).train(run(corpus).build());
      assertFalse(java.util.Arrays.equals(a.input(), pairs.input()), model.key());
    }
  }

  private static TrainingListener crashAfter(long position) {
    return new TrainingListener() {
      @Override
      public void metric(Metric m) {
        if (m.position() > position) {
          throw new IllegalStateException("simulated crash at " + m.position());
        }
      }
    };
  }

  @Test
  void aResumedBatchedRunEndsWithExactlyTheVectorsAndMetricsOfAnUninterruptedOne()
      throws IOException {
    Path corpus = plantedSynonyms(3_000);
    for (Model model : Model.values()) {
      FastConfig config = config(model).withEpochs(4);
      RecordingListener straightListener = new RecordingListener();
      TrainedModel straight =
          trainer(config, StepKind.BATCHED)
              .train(
                  run(corpus)
                      .checkpoints(new CheckpointStore(dir.resolve("straight-" + model), 3))
                      .listener(straightListener)
                      .build());
      long perEpoch = straightListener.plan.total() / 4;
      CheckpointStore store = new CheckpointStore(dir.resolve("crashed-" + model), 3);
      assertThrows(
          IllegalStateException.class,
          () ->
              trainer(config, StepKind.BATCHED)
                  .train(
                      run(corpus)
                          .checkpoints(store)
                          .listener(crashAfter(2 * perEpoch + perEpoch / 2))
                          .build()));
      RecordingListener resumedListener = new RecordingListener();
      TrainedModel resumed =
          trainer(config, StepKind.BATCHED)
              .train(run(corpus).checkpoints(store).resume(true).listener(resumedListener).build());
      assertEquals(2 * perEpoch, resumedListener.plan.start(), model.key());
      assertArrayEquals(straight.input(), resumed.input(), model.key());
      assertArrayEquals(straight.output(), resumed.output(), model.key());
      List<Metric> after =
          straightListener.metrics.stream().filter(m -> m.position() > 2 * perEpoch).toList();
      assertEquals(after, resumedListener.metrics, model.key());
    }
  }

  @Test
  void aCheckpointOfThePerPairStepIsNotResumedBatched() throws IOException {
    Path corpus = plantedSynonyms(1_000);
    CheckpointStore store = new CheckpointStore(dir.resolve("pairs"), 3);
    trainer(config(Model.SKIPGRAM), StepKind.PAIRS).train(run(corpus).checkpoints(store).build());
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                trainer(config(Model.SKIPGRAM), StepKind.BATCHED)
                    .train(run(corpus).checkpoints(store).resume(true).build()));
    assertTrue(e.getMessage().contains("step"), e.getMessage());
  }

  @Test
  void autoIsBatchedForSkipGramAndPerPairForCbowWhereQualityWasMeasured() {
    WordCounts counts = WordCounts.of(new long[] {5, 4, 3, 2, 1});
    var negsampling = RealLosses.negativeSampling(5).create(counts, 4);
    assertEquals(
        StepKind.BATCHED, StepKind.AUTO.resolve(Model.SKIPGRAM, negsampling, "negsampling"));
    assertEquals(StepKind.PAIRS, StepKind.AUTO.resolve(Model.CBOW, negsampling, "negsampling"));
    assertEquals(StepKind.BATCHED, StepKind.BATCHED.resolve(Model.CBOW, negsampling, "x"));
  }

  @Test
  void aLossWithoutABatchedFormTrainsPerPairOnAutoAndIsRefusedWhenBatchedIsAsked()
      throws IOException {
    Path corpus = plantedSynonyms(500);
    FastConfig config = config(Model.SKIPGRAM).withEpochs(1);
    TrainedModel auto =
        trainer(config, StepKind.AUTO).train(run(corpus, RealLosses.softmax()).build());
    TrainedModel pairs =
        trainer(config, StepKind.PAIRS).train(run(corpus, RealLosses.softmax()).build());
    assertArrayEquals(pairs.input(), auto.input());
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                trainer(config, StepKind.BATCHED).train(run(corpus, RealLosses.softmax()).build()));
    assertTrue(e.getMessage().contains("'softmax' has none"), e.getMessage());
  }

  @Test
  void aCompiledBatchedStepAllocatesNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported(),
        "this JVM cannot count a thread's allocated bytes");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    int v = 500;
    int d = 32;
    long[] counts = new long[v];
    for (int i = 0; i < v; i++) {
      counts[i] = 1 + 100_000 / (i + 1);
    }
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(1);
    float[] inputs = new float[v * d];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = (random.nextFloat() - 0.5f) / d;
    }
    float[] outputs = new float[v * d];
    int[] sentence = new int[200];
    for (int i = 0; i < sentence.length; i++) {
      sentence[i] = random.nextInt(v);
    }
    for (Model model : Model.values()) {
      BatchedLoss loss =
          (BatchedLoss) RealLosses.negativeSampling(5).create(WordCounts.of(counts), d);
      BatchedStep step = new BatchedStep(model, loss, inputs, outputs, new float[0][], 5, random);
      long id = Thread.currentThread().getId();
      long bytes = Long.MAX_VALUE;
      for (int round = 0; round < 20 && bytes >= 1024; round++) {
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 250; i++) {
          step.trainSentence(sentence, sentence.length, 5, 1e-4f);
        }
        bytes = threads.getThreadAllocatedBytes(id) - before;
      }
      assertTrue(bytes < 1024, model + " allocated " + bytes + " bytes in 50,000 words");
    }
  }
}
