package dev.w2v.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.corpus.PreparedCorpus;
import dev.w2v.core.corpus.VocabularyPolicy;
import dev.w2v.core.plugin.ConfiguredLoss;
import dev.w2v.core.testing.RealLosses;
import dev.w2v.core.train.Cancellation;
import dev.w2v.core.train.RecordingListener;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.train.TrainingCancelledException;
import dev.w2v.core.train.TrainingRun;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark trainer in {@code local[2]}, two tasks per round on two cores, through the library:
 * quality a broken merge would miss, repeatable runs, resume, the vocabulary of a local run.
 */
class SparkTrainerIT {

  @TempDir static Path work;
  static Path corpus;
  static SparkSession spark;

  /** Small and quick: 2 shares, 3 epochs of 3 rounds, dim 24. */
  static final SparkConfig CONFIG =
      SparkConfig.defaults().toBuilder()
          .dimension(24)
          .epochs(3)
          .rounds(3)
          .partitions(2)
          .threads(1)
          .minCount(3)
          .master("local[2]")
          .build();

  @BeforeAll
  static void startSpark() throws Exception {
    corpus = PlantedCorpus.write(work.resolve("planted.txt"), 6000, 7);
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("w2v-test")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  static TrainingRun.Builder run(Path text, ConfiguredLoss loss) {
    return TrainingRun.builder(CorpusSource.of(text, CorpusFormat.AUTO, false), loss);
  }

  static TrainedModel train(SparkConfig config, TrainingRun.Builder run) {
    return new SparkTrainer(config).train(run.build());
  }

  @Test
  void learnsEveryShareGroupsAndRepeatsItselfBitForBit() {
    RecordingListener listener = new RecordingListener();
    TrainedModel first =
        train(CONFIG, run(corpus, RealLosses.negativeSampling(5)).listener(listener));
    double accuracy = PlantedCorpus.neighbourAccuracy(first);
    assertTrue(accuracy >= 0.9, "nearest-neighbour accuracy " + accuracy);
    // Both matrices learn: a merge that dropped one's changes can still move the other.
    double outputs = PlantedCorpus.neighbourAccuracy(first, first.output());
    assertTrue(outputs >= 0.9, "nearest-neighbour accuracy of the output vectors " + outputs);
    assertTrue(first.summary().contains("2 tasks x 1 thread"), first.summary());
    // One metric row per round, at positions fixed by the corpus and the settings.
    assertEquals(9, listener.metrics.size());
    assertEquals(listener.plan.total(), listener.metrics.get(8).position());
    assertTrue(listener.metrics.get(8).loss() < listener.metrics.get(0).loss());

    TrainedModel second = train(CONFIG, run(corpus, RealLosses.negativeSampling(5)));
    assertArrayEquals(first.input(), second.input());
    assertArrayEquals(first.output(), second.output());
  }

  @Test
  void theStepSettingReachesTheTasks() {
    // Skip-gram defaults to batched windows for negsampling; pairs is the other path, so the two
    // must differ (a setting that never reached the executors would give the same vectors) and
    // both must learn.
    TrainedModel pairs =
        train(
            CONFIG.toBuilder().step(dev.w2v.core.train.fast.StepKind.PAIRS).build(),
            run(corpus, RealLosses.negativeSampling(5)));
    TrainedModel auto = train(CONFIG, run(corpus, RealLosses.negativeSampling(5)));
    assertTrue(PlantedCorpus.neighbourAccuracy(pairs) >= 0.9, "pairs");
    assertTrue(PlantedCorpus.neighbourAccuracy(auto) >= 0.9, "batched");
    assertFalse(java.util.Arrays.equals(pairs.input(), auto.input()), "step had no effect");
    W2vException refused =
        assertThrows(
            W2vException.class,
            () ->
                train(
                    CONFIG.toBuilder().step(dev.w2v.core.train.fast.StepKind.BATCHED).build(),
                    run(
                        corpus,
                        RealLosses.factory("biased-negsampling", java.util.Map.of("k", 5)))));
    assertTrue(refused.getMessage().contains("step=batched"), refused.getMessage());
  }

  @Test
  void cbowAndAverageMergeLearnToo() {
    TrainedModel cbow =
        train(
            CONFIG.toBuilder().model(dev.w2v.core.train.fast.Model.CBOW).build(),
            run(corpus, RealLosses.negativeSampling(5)));
    assertTrue(PlantedCorpus.neighbourAccuracy(cbow) >= 0.9, "cbow");
    TrainedModel average =
        train(
            CONFIG.toBuilder().merge(SparkConfig.Merge.AVERAGE).build(),
            run(corpus, RealLosses.negativeSampling(5)));
    assertTrue(PlantedCorpus.neighbourAccuracy(average) >= 0.9, "average");
  }

  @Test
  void aLossesOwnParametersAreMergedCheckpointedAndResumed() throws Exception {
    var biased = RealLosses.factory("biased-negsampling", java.util.Map.of("k", 5));
    TrainedModel whole = train(CONFIG, run(corpus, biased));
    assertEquals("bias", whole.extraBlocks().get(0).name());
    // Every word is a target in both shares many times: merged changes move each bias from 0
    // towards 1. A merge that dropped the block would leave 0; summing two shares' full changes
    // without the learning rate falling would overshoot past 1.
    float[] bias = whole.extras().get(0);
    for (float b : bias) {
      assertTrue(b > 0.5f && b < 1.5f, "bias " + b);
    }
    assertTrue(PlantedCorpus.neighbourAccuracy(whole) >= 0.9, "the vectors still learn");

    Path folder = work.resolve("resume-biased");
    Cancellation cancellation = new Cancellation();
    RecordingListener stopper =
        new RecordingListener() {
          @Override
          public void checkpointed(long position, Path file) {
            super.checkpointed(position, file);
            if (checkpoints.size() == 4) {
              cancellation.request("stopped by the test");
            }
          }
        };
    assertThrows(
        TrainingCancelledException.class,
        () ->
            train(
                CONFIG,
                run(corpus, biased)
                    .listener(stopper)
                    .cancellation(cancellation)
                    .checkpoints(new CheckpointStore(folder, 3))));
    TrainedModel rest =
        train(CONFIG, run(corpus, biased).resume(true).checkpoints(new CheckpointStore(folder, 3)));
    assertArrayEquals(whole.extras().get(0), rest.extras().get(0));
    assertArrayEquals(whole.input(), rest.input());
  }

  @Test
  void aResumedRunEndsWithTheVectorsOfAnUninterruptedOne() throws Exception {
    Path folder = work.resolve("resume");
    TrainedModel whole = train(CONFIG, run(corpus, RealLosses.negativeSampling(5)));

    Cancellation cancellation = new Cancellation();
    RecordingListener stopper =
        new RecordingListener() {
          @Override
          public void checkpointed(long position, Path file) {
            super.checkpointed(position, file);
            if (checkpoints.size() == 4) {
              cancellation.request("stopped by the test");
            }
          }
        };
    TrainingCancelledException stopped =
        assertThrows(
            TrainingCancelledException.class,
            () ->
                train(
                    CONFIG,
                    run(corpus, RealLosses.negativeSampling(5))
                        .listener(stopper)
                        .cancellation(cancellation)
                        .checkpoints(new CheckpointStore(folder, 3))));
    assertTrue(stopped.checkpoint().isPresent(), stopped.getMessage());

    RecordingListener resumed = new RecordingListener();
    TrainedModel rest =
        train(
            CONFIG,
            run(corpus, RealLosses.negativeSampling(5))
                .listener(resumed)
                .resume(true)
                .checkpoints(new CheckpointStore(folder, 3)));
    assertTrue(resumed.plan.start() > 0);
    assertEquals(5, resumed.metrics.size());
    assertArrayEquals(whole.input(), rest.input());
    assertArrayEquals(whole.output(), rest.output());

    // Other settings are refused, naming what changed.
    W2vException refused =
        assertThrows(
            W2vException.class,
            () ->
                train(
                    CONFIG.toBuilder().rounds(4).build(),
                    run(corpus, RealLosses.negativeSampling(5))
                        .resume(true)
                        .checkpoints(new CheckpointStore(folder, 3))));
    assertTrue(refused.getMessage().contains("rounds was 3"), refused.getMessage());
  }

  @Test
  void theVocabularyIsTheFastTrainersOverFilesFoldersAndGzip() throws Exception {
    Path folder = Files.createDirectories(work.resolve("folder/sub"));
    Files.writeString(work.resolve("folder/b.txt"), "tie2 x y\nzz tie1 tie2 x\n");
    Files.writeString(folder.resolve("a.txt"), "x tie1 q q\n\ny tie3 tie3\n");
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(work.resolve("folder/c.txt.gz")))) {
      out.write("tie3 tie1 q tie2 zz\nz y\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Path single = Files.writeString(work.resolve("single.txt"), "x tie4 tie4 y\n");
    CorpusSource source =
        CorpusSource.of(
            List.of(single.toString(), work.resolve("folder").toString()),
            CorpusFormat.TEXT,
            false);
    PreparedCorpus local =
        PreparedCorpus.prepare(source, VocabularyPolicy.byFrequency(1, 1000), 1 << 20);
    DistributedCorpus.Prepared distributed =
        DistributedCorpus.prepare(spark, source, 1, 1000, 3, 2);
    assertEquals(local.vocabulary().words(), distributed.vocabulary().words());
    assertEquals(local.vocabulary(), distributed.vocabulary());
    assertEquals(local.statistics().tokens(), distributed.statistics().tokens());
    assertEquals(local.statistics().sentences(), distributed.statistics().sentences());
    assertEquals(local.corpus().words(), distributed.words());
    // The shares, in order, are the locally encoded corpus.
    List<int[]> shares = distributed.shares().collect();
    int at = 0;
    for (int[] share : shares) {
      for (int value : share) {
        assertEquals(local.corpus().get(at++), value, "position " + at);
      }
    }
    assertEquals(local.corpus().size(), at);
    distributed.shares().unpersist(false);
  }

  @Test
  void badInputIsOneLineNamingIt() throws Exception {
    W2vException unknownScheme =
        assertThrows(
            W2vException.class,
            () ->
                train(
                    CONFIG,
                    TrainingRun.builder(
                        CorpusSource.of(
                            List.of("nosuchfs://bucket/corpus"), CorpusFormat.TEXT, false),
                        RealLosses.negativeSampling(5))));
    assertTrue(
        unknownScheme.getMessage().startsWith("cannot read corpus nosuchfs://bucket/corpus"),
        unknownScheme.getMessage());
    W2vException missing =
        assertThrows(
            W2vException.class,
            () ->
                train(
                    CONFIG,
                    TrainingRun.builder(
                        CorpusSource.of(
                            List.of(
                                work.resolve("gone.txt")
                                    .toUri()
                                    .toString()
                                    .replace("file:", "file://")),
                            CorpusFormat.TEXT,
                            false),
                        RealLosses.negativeSampling(5))));
    assertFalse(missing.getMessage().contains("\n"), missing.getMessage());
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    Path latin1 =
        Files.write(work.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    W2vException invalid =
        assertThrows(
            W2vException.class, () -> train(CONFIG, run(latin1, RealLosses.negativeSampling(5))));
    assertTrue(
        invalid.getMessage().contains("latin1.txt, line 1, byte offset 3"), invalid.getMessage());
  }
}
