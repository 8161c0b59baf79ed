package dev.w2v.core.train.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.Loss;
import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.corpus.EncodedCorpus;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.testing.RealLosses;
import dev.w2v.core.train.Cancellation;
import dev.w2v.core.train.LossFactory;
import dev.w2v.core.train.Matrices;
import dev.w2v.core.train.Metric;
import dev.w2v.core.train.Progress;
import dev.w2v.core.train.RecordingListener;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.train.TrainingCancelledException;
import dev.w2v.core.train.TrainingListener;
import dev.w2v.core.train.TrainingRun;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastTrainerTest {

  @TempDir Path dir;

  /**
   * Sentences of 7 words about one of 12 topics: 3 + 3 context words drawn from the topic's own 6
   * words around a center word. Topic 0's center is "syn1" or "syn2" at random, so those two share
   * every context; every other topic has a center word of its own.
   */
  private Path plantedSynonyms(int sentences) throws IOException {
    Path file = dir.resolve("synonyms-" + sentences + ".txt");
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(99);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int s = 0; s < sentences; s++) {
        int topic = random.nextInt(12);
        String center = topic == 0 ? (random.nextInt(2) == 0 ? "syn1" : "syn2") : "center" + topic;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          words.add("t" + topic + "w" + random.nextInt(6));
        }
        words.add(3, center);
        out.write(String.join(" ", words));
        out.write('\n');
      }
    }
    return file;
  }

  private static FastConfig config(int dim) {
    return FastConfig.defaults()
        .withDimension(dim)
        .withMinCount(1)
        .withEpochs(2)
        .withThreads(1)
        .withSeed(42)
        .withCheckpointSeconds(0);
  }

  private static TrainingRun.Builder run(Path corpus) {
    return TrainingRun.builder(
        CorpusSource.of(corpus, CorpusFormat.TEXT, false), RealLosses.negativeSampling(5));
  }

  private static double cosine(TrainedModel m, int a, int b) {
    int d = m.dimension();
    float[] v = m.input();
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < d; j++) {
      dot += v[a * d + j] * v[b * d + j];
      na += v[a * d + j] * v[a * d + j];
      nb += v[b * d + j] * v[b * d + j];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static int nearest(TrainedModel m, String word) {
    int w = m.vocabulary().indexOf(word);
    int best = -1;
    double bestCosine = -2;
    for (int other = 0; other < m.vocabulary().size(); other++) {
      if (other != w && cosine(m, w, other) > bestCosine) {
        bestCosine = cosine(m, w, other);
        best = other;
      }
    }
    return best;
  }

  @Test
  void plantedSynonymsEndUpEachOthersNearestNeighboursWithTwoThreads() throws IOException {
    Path corpus = plantedSynonyms(20_000);
    FastConfig config = config(24).withSample(0).withEpochs(5).withThreads(2).withSeed(7);
    RecordingListener listener = new RecordingListener();
    TrainedModel m =
        new FastTrainer(config.withLearningRate(0.025), Duration.ofMillis(5))
            .train(run(corpus).listener(listener).build());
    assertEquals("syn2", m.vocabulary().word(nearest(m, "syn1")));
    assertEquals("syn1", m.vocabulary().word(nearest(m, "syn2")));
    Progress last = listener.last;
    assertEquals(1.0, last.fraction());
    assertEquals(2, last.perThread().size());
    assertTrue(last.wordsPerSecond() > 0);
    assertTrue(last.learningRate() < 0.025 && last.learningRate() >= 0.99 * 0.025e-4);
    for (Progress p : listener.progress) {
      assertTrue(p.fraction() >= 0 && p.fraction() <= 1, "fraction " + p.fraction());
    }
    assertTrue(m.summary().startsWith("trained skipgram on"), m.summary());
    assertTrue(m.outputIsPerWord());
  }

  @Test
  void chunksCoverTheCorpusOnceAndStartAtSentenceStarts() {
    // 250,000 sentences of 3 words and an end: a million positions, so about ten chunks.
    int[] positions = new int[1_000_000];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i % 4 == 3 ? EncodedCorpus.END : i % 7;
    }
    EncodedCorpus corpus = EncodedCorpus.of(positions);
    long[] bounds = FastTrainer.chunkBounds(corpus, 3);
    assertEquals(1_000_000 / FastTrainer.CHUNK_POSITIONS + 1, bounds.length);
    assertEquals(0, bounds[0]);
    assertEquals(corpus.size(), bounds[bounds.length - 1]);
    for (int c = 1; c < bounds.length - 1; c++) {
      assertTrue(bounds[c] > bounds[c - 1], "chunk " + c + " is empty");
      assertEquals(
          EncodedCorpus.END, corpus.get(bounds[c] - 1), "chunk " + c + " starts mid-sentence");
    }
    // A corpus smaller than one chunk still gives every thread a (possibly empty) chunk.
    long[] tiny = FastTrainer.chunkBounds(EncodedCorpus.of(1, 2, EncodedCorpus.END), 4);
    assertEquals(5, tiny.length);
    assertEquals(3, tiny[4]);
  }

  @Test
  void oneThreadAndASeedGiveBitIdenticalVectors() throws IOException {
    Path corpus = plantedSynonyms(3_000);
    for (Model model : Model.values()) {
      FastConfig config = config(16).withModel(model);
      TrainedModel a = new FastTrainer(config).train(run(corpus).build());
      TrainedModel b = new FastTrainer(config).train(run(corpus).build());
      assertArrayEquals(a.input(), b.input(), model.key());
      assertArrayEquals(a.output(), b.output(), model.key());
      TrainedModel c = new FastTrainer(config.withSeed(43)).train(run(corpus).build());
      assertFalse(java.util.Arrays.equals(a.input(), c.input()), model.key());
    }
  }

  @Test
  void aMemoryMappedCorpusTrainsExactlyAsAnInMemoryOne() throws IOException {
    Path corpus = plantedSynonyms(2_000);
    RecordingListener listener = new RecordingListener();
    TrainedModel a = new FastTrainer(config(8)).train(run(corpus).build());
    TrainedModel b =
        new FastTrainer(config(8))
            .train(run(corpus).maxInMemoryPositions(100).listener(listener).build());
    assertTrue(listener.statistics.mapped());
    assertArrayEquals(a.input(), b.input());
  }

  @Test
  void cbowLearnsThePlantedSynonymsToo() throws IOException {
    Path corpus = plantedSynonyms(20_000);
    FastConfig config =
        config(24).withModel(Model.CBOW).withSample(0).withEpochs(5).withThreads(2).withSeed(3);
    TrainedModel m = new FastTrainer(config).train(run(corpus).build());
    assertEquals("syn2", m.vocabulary().word(nearest(m, "syn1")));
  }

  @Test
  void anOutputMatrixOfAnotherSizeThanTheVocabularyIsKeptWhole() throws IOException {
    // A softmax over three more rows than words: the trainer sizes the matrix from the loss.
    LossFactory wider =
        new LossFactory() {
          @Override
          public Loss create(WordCounts counts, int dimension) {
            return RealLosses.softmax(counts.size() + 3, dimension);
          }

          @Override
          public String description() {
            return "softmax over V + 3";
          }

          @Override
          public String lossName() {
            return "softmax";
          }
        };
    TrainedModel m =
        new FastTrainer(config(8).withEpochs(1).withThreads(2))
            .train(
                TrainingRun.builder(
                        CorpusSource.of(plantedSynonyms(500), CorpusFormat.TEXT, false), wider)
                    .build());
    assertEquals(m.vocabulary().size() * 8, m.input().length);
    assertEquals(m.vocabulary().size() + 3, m.outputRows());
    assertFalse(m.outputIsPerWord());
    assertTrue(Matrices.allFinite(m.input(), m.output()));
  }

  @Test
  void aLossOfTheWrongDimensionIsRefused() throws IOException {
    LossFactory wrong =
        new LossFactory() {
          @Override
          public Loss create(WordCounts counts, int dimension) {
            return RealLosses.softmax(counts.size(), dimension + 1);
          }

          @Override
          public String description() {
            return "wrong";
          }

          @Override
          public String lossName() {
            return "wrong";
          }
        };
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                new FastTrainer(config(8))
                    .train(
                        TrainingRun.builder(
                                CorpusSource.of(plantedSynonyms(100), CorpusFormat.TEXT, false),
                                wrong)
                            .build()));
    assertTrue(e.getMessage().contains("dimension 9"), e.getMessage());
  }

  @Test
  void checkpointsAtTheEndOfEveryEpochAndAtTheEnd() throws IOException {
    Path corpus = plantedSynonyms(3_000);
    RecordingListener listener = new RecordingListener();
    CheckpointStore store = new CheckpointStore(dir.resolve("epochs"), 10);
    new FastTrainer(config(8).withEpochs(3))
        .train(run(corpus).checkpoints(store).listener(listener).build());
    long perEpoch = listener.plan.total() / 3;
    assertEquals(List.of(perEpoch, 2 * perEpoch, 3 * perEpoch), listener.checkpoints);
    // Every checkpoint comes after the metrics up to it were told to be made durable.
    int before = listener.events.indexOf("before " + perEpoch);
    assertTrue(before >= 0 && before < listener.events.indexOf("checkpoint " + perEpoch));
  }

  /** A listener that throws (as a crash would) at the first metric past {@code position}. */
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
  void withOneThreadAResumedRunEndsWithExactlyTheVectorsAndMetricsOfAnUninterruptedOne()
      throws IOException {
    Path corpus = plantedSynonyms(3_000);
    FastConfig config = config(8).withEpochs(4);
    RecordingListener straightListener = new RecordingListener();
    TrainedModel straight =
        new FastTrainer(config)
            .train(
                run(corpus)
                    .checkpoints(new CheckpointStore(dir.resolve("straight"), 3))
                    .listener(straightListener)
                    .build());
    long perEpoch = straightListener.plan.total() / 4;

    // Killed in the third epoch: the newest checkpoint is the end of the second.
    CheckpointStore store = new CheckpointStore(dir.resolve("crashed"), 3);
    assertThrows(
        IllegalStateException.class,
        () ->
            new FastTrainer(config)
                .train(
                    run(corpus)
                        .checkpoints(store)
                        .listener(crashAfter(2 * perEpoch + perEpoch / 2))
                        .build()));
    assertEquals(2 * perEpoch, CheckpointStore.iterationOf(store.files().get(0)));
    RecordingListener resumedListener = new RecordingListener();
    TrainedModel resumed =
        new FastTrainer(config)
            .train(run(corpus).checkpoints(store).resume(true).listener(resumedListener).build());
    assertEquals(2 * perEpoch, resumedListener.plan.start());
    assertArrayEquals(straight.input(), resumed.input());
    assertArrayEquals(straight.output(), resumed.output());
    List<Metric> after =
        straightListener.metrics.stream().filter(m -> m.position() > 2 * perEpoch).toList();
    assertEquals(after, resumedListener.metrics);
  }

  @Test
  void aCancelledRunStopsAtASentenceAndResumesExactly() throws IOException {
    Path corpus = plantedSynonyms(3_000);
    FastConfig config = config(8).withEpochs(3);
    TrainedModel straight = new FastTrainer(config).train(run(corpus).build());
    CheckpointStore store = new CheckpointStore(dir.resolve("cancel"), 3);
    Cancellation cancellation = new Cancellation();
    TrainingListener cancelling =
        new TrainingListener() {
          @Override
          public void metric(Metric m) {
            cancellation.request("interrupted");
          }
        };
    TrainingCancelledException e =
        assertThrows(
            TrainingCancelledException.class,
            () ->
                new FastTrainer(config, Duration.ofMillis(1))
                    .train(
                        run(corpus)
                            .checkpoints(store)
                            .cancellation(cancellation)
                            .listener(cancelling)
                            .build()));
    assertTrue(e.checkpoint().isPresent(), e.getMessage());
    TrainedModel resumed =
        new FastTrainer(config).train(run(corpus).checkpoints(store).resume(true).build());
    assertArrayEquals(straight.input(), resumed.input());
  }

  @Test
  void withTwoThreadsAResumedRunGoesOnFromTheCheckpointsPositionAndLearningRate()
      throws IOException {
    Path corpus = plantedSynonyms(20_000);
    FastConfig config = config(8).withEpochs(3).withThreads(2);
    CheckpointStore store = new CheckpointStore(dir.resolve("two"), 3);
    RecordingListener first = new RecordingListener();
    new FastTrainer(config).train(run(corpus).checkpoints(store).listener(first).build());
    long perEpoch = first.plan.total() / 3;
    store = new CheckpointStore(dir.resolve("two-crashed"), 3);
    CheckpointStore crashed = store;
    assertThrows(
        IllegalStateException.class,
        () ->
            new FastTrainer(config)
                .train(
                    run(corpus).checkpoints(crashed).listener(crashAfter(perEpoch + 1)).build()));
    // Two threads checkpoint when the first of them starts the next epoch, the other one still
    // finishing its last chunk: near the epoch's end, and exactly where the checkpoint says.
    long checkpointed = CheckpointStore.iterationOf(crashed.files().get(0));
    RecordingListener resumed = new RecordingListener();
    TrainedModel m =
        new FastTrainer(config)
            .train(run(corpus).checkpoints(store).resume(true).listener(resumed).build());
    assertEquals(checkpointed, resumed.plan.start());
    assertTrue(checkpointed > 0 && checkpointed < 3 * perEpoch, "at " + checkpointed);
    Metric firstRow = resumed.metrics.get(0);
    assertTrue(firstRow.position() > checkpointed);
    // The schedule continues: the learning rate is that of the position, not the start.
    double expected = 0.025 * (1 - firstRow.position() / (double) (first.plan.total() + 1));
    assertEquals(expected, firstRow.learningRate(), 1e-6);
    assertTrue(Matrices.allFinite(m.input()));
  }

  @Test
  void resumingWithOtherSettingsIsRefusedNamingThem() throws IOException {
    Path corpus = plantedSynonyms(1_000);
    CheckpointStore store = new CheckpointStore(dir.resolve("other"), 3);
    new FastTrainer(config(8)).train(run(corpus).checkpoints(store).build());
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                new FastTrainer(config(8).withThreads(2))
                    .train(run(corpus).checkpoints(store).resume(true).build()));
    assertTrue(
        e.getMessage().contains("threads was 1 in the checkpoint and is 2 now"), e.getMessage());
  }

  @Test
  void aDivergingRunStopsWithAdviceAndWritesNothingNonFinite() throws Exception {
    Path corpus = plantedSynonyms(3_000);
    CheckpointStore store = new CheckpointStore(dir.resolve("nan"), 3);
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                new FastTrainer(config(8).withLearningRate(100).withEpochs(3))
                    .train(run(corpus).checkpoints(store).build()));
    assertTrue(e.getMessage().startsWith("training diverged: "), e.getMessage());
    assertTrue(e.getMessage().contains("lower --lr"), e.getMessage());
    for (Path file : store.files()) {
      for (float[] m : CheckpointStore.load(file).matrices()) {
        assertTrue(Matrices.allFinite(m), file + " holds a non-finite value");
      }
    }
  }

  @Test
  void aLossesOwnParametersAreTrainedCheckpointedAndResumedExactly() throws IOException {
    Path corpus = plantedSynonyms(3_000);
    FastConfig config = config(8).withEpochs(3);
    LossFactory biased = new dev.w2v.core.testing.BiasedLoss(RealLosses.negativeSampling(5));
    TrainedModel straight =
        new FastTrainer(config)
            .train(
                TrainingRun.builder(CorpusSource.of(corpus, CorpusFormat.TEXT, false), biased)
                    .build());
    float[] bias = straight.extras().get(0);
    assertEquals("bias", straight.extraBlocks().get(0).name());
    // Every word was a target many times: its bias moved from 0 towards 1.
    for (float b : bias) {
      assertTrue(b > 0.5f && b <= 1f, "bias " + b);
    }
    CheckpointStore store = new CheckpointStore(dir.resolve("biased"), 3);
    assertThrows(
        IllegalStateException.class,
        () ->
            new FastTrainer(config)
                .train(
                    TrainingRun.builder(CorpusSource.of(corpus, CorpusFormat.TEXT, false), biased)
                        .checkpoints(store)
                        .listener(crashAfter(30_000)) // in the second of three epochs of 21,000
                        .build()));
    TrainedModel resumed =
        new FastTrainer(config)
            .train(
                TrainingRun.builder(CorpusSource.of(corpus, CorpusFormat.TEXT, false), biased)
                    .checkpoints(store)
                    .resume(true)
                    .build());
    assertArrayEquals(straight.input(), resumed.input());
    assertArrayEquals(bias, resumed.extras().get(0));
  }
}
