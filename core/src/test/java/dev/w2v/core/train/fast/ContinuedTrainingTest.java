package dev.w2v.core.train.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.corpus.Vocabulary;
import dev.w2v.core.model.ModelFile;
import dev.w2v.core.model.SavedModel;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.testing.RealLosses;
import dev.w2v.core.train.Metric;
import dev.w2v.core.train.RecordingListener;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.train.TrainingListener;
import dev.w2v.core.train.TrainingRun;
import dev.w2v.core.train.cs224n.Cs224nConfig;
import dev.w2v.core.train.cs224n.Cs224nTrainer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continued training through the seam: a model trained on one corpus goes on training on another
 * that shares some of its words, lacks others and brings new ones.
 */
class ContinuedTrainingTest {

  @TempDir Path dir;

  private Path first;
  private Path second;

  /** Sentences of topics {@code from..to}: six topic words around a center word of the topic. */
  private Path corpus(String name, int from, int to, int sentences, long seed) throws IOException {
    Path file = dir.resolve(name);
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int s = 0; s < sentences; s++) {
        int topic = from + random.nextInt(to - from + 1);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          words.add("t" + topic + "w" + random.nextInt(6));
        }
        words.add(3, "center" + topic);
        out.write(String.join(" ", words));
        out.write('\n');
      }
    }
    return file;
  }

  @BeforeEach
  void corpora() throws IOException {
    first = corpus("first.txt", 0, 5, 2_000, 1);
    // Topics 0-2 are absent from the second corpus, 3-5 shared, 6-8 new.
    second = corpus("second.txt", 3, 8, 2_000, 2);
  }

  private static FastConfig config() {
    return FastConfig.defaults()
        .withDimension(8)
        .withMinCount(1)
        .withEpochs(2)
        .withThreads(1)
        .withSeed(5)
        .withCheckpointSeconds(0);
  }

  private static TrainingRun.Builder run(Path corpus) {
    return TrainingRun.builder(
        CorpusSource.of(corpus, CorpusFormat.TEXT, false), RealLosses.negativeSampling(5));
  }

  private static float[] row(float[] matrix, int row, int d) {
    return Arrays.copyOfRange(matrix, row * d, (row + 1) * d);
  }

  @Test
  void oldWordsKeepTheirRowsNewWordsAreAddedAndTheScheduleRestarts() {
    TrainedModel start = new FastTrainer(config()).train(run(first).build());
    SavedModel saved = start.toSaved("negsampling", "first");
    float[] startInput = start.input().clone();
    RecordingListener listener = new RecordingListener();
    TrainedModel next =
        new FastTrainer(config()).train(run(second).startFrom(saved).listener(listener).build());

    Vocabulary before = start.vocabulary();
    Vocabulary after = next.vocabulary();
    assertEquals(before.words(), after.words().subList(0, before.size()));
    assertEquals(before.size() + 3 * 7, after.size(), "topics 6 to 8 bring 7 words each");
    assertTrue(after.indexOf("center8") >= before.size());
    // Counts add up where both corpora have the word, as gensim's build_vocab(update=True).
    int shared = after.indexOf("center4");
    assertTrue(after.count(shared) > before.count(before.indexOf("center4")));
    int absent = after.indexOf("center1");
    assertEquals(before.count(before.indexOf("center1")), after.count(absent));

    // A word the second corpus lacks is never a center word there, so its row is the old one.
    assertArrayEquals(row(startInput, absent, 8), row(next.input(), absent, 8));
    assertFalse(Arrays.equals(row(startInput, shared, 8), row(next.input(), shared, 8)));

    // The learning rate starts over, across the second corpus only.
    assertEquals(0, listener.plan.start());
    assertEquals(2 * listener.statistics.trainingWords(), listener.plan.total());
    Metric firstRow = listener.metrics.get(0);
    assertEquals(
        0.025 * (1 - firstRow.position() / (double) (listener.plan.total() + 1)),
        firstRow.learningRate(),
        1e-6);
  }

  @Test
  void aContinuedRunResumesExactlyAndRefusesAnotherStartingModel() throws IOException {
    TrainedModel start = new FastTrainer(config()).train(run(first).build());
    Path file = dir.resolve("start.w2v");
    ModelFile.write(start.toSaved("negsampling", file.toString()), file);
    FastConfig config = config().withEpochs(3);
    TrainedModel straight =
        new FastTrainer(config).train(run(second).startFrom(SavedModel.load(file)).build());

    CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints"), 3);
    RecordingListener plan = new RecordingListener();
    new FastTrainer(config)
        .train(
            run(second)
                .startFrom(SavedModel.load(file))
                .checkpoints(new CheckpointStore(dir.resolve("plan"), 1))
                .listener(plan)
                .build());
    long perEpoch = plan.plan.total() / 3;
    TrainingListener crash =
        new TrainingListener() {
          @Override
          public void metric(Metric m) {
            if (m.position() > perEpoch + perEpoch / 2) {
              throw new IllegalStateException("simulated crash");
            }
          }
        };
    assertThrows(
        IllegalStateException.class,
        () ->
            new FastTrainer(config)
                .train(
                    run(second)
                        .startFrom(SavedModel.load(file))
                        .checkpoints(store)
                        .listener(crash)
                        .build()));
    TrainedModel resumed =
        new FastTrainer(config)
            .train(
                run(second)
                    .startFrom(SavedModel.load(file))
                    .checkpoints(store)
                    .resume(true)
                    .build());
    assertArrayEquals(straight.input(), resumed.input());
    assertArrayEquals(straight.output(), resumed.output());

    // The same run from another starting model is not the run the checkpoint belongs to.
    TrainedModel other = new FastTrainer(config().withSeed(6)).train(run(first).build());
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                new FastTrainer(config)
                    .train(
                        run(second)
                            .startFrom(other.toSaved("negsampling", "other"))
                            .checkpoints(store)
                            .resume(true)
                            .build()));
    assertTrue(e.getMessage().contains("continue was "), e.getMessage());
  }

  @Test
  void aVectorFileStartsTheInputOnlyAndAnotherDimensionIsRefused() {
    TrainedModel start = new FastTrainer(config()).train(run(first).build());
    SavedModel vectorsOnly =
        new SavedModel(
            Vocabulary.of(start.vocabulary().words(), new long[start.vocabulary().size()]),
            8,
            start.input().clone(),
            new float[0],
            "",
            false,
            "vectors.txt");
    TrainedModel next = new FastTrainer(config()).train(run(second).startFrom(vectorsOnly).build());
    // Unknown counts are zero: an old word the new corpus lacks keeps count 0.
    assertEquals(0, next.vocabulary().count(next.vocabulary().indexOf("center1")));
    assertTrue(next.vocabulary().count(next.vocabulary().indexOf("center4")) > 0);

    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                new FastTrainer(config().withDimension(16))
                    .train(run(second).startFrom(vectorsOnly).build()));
    assertEquals(
        "cannot continue from vectors.txt: its vectors have dimension 8 but dim is 16; a"
            + " continued run keeps the model's dimension (set dim = 8)",
        e.getMessage());
  }

  @Test
  void outputWeightsAreReusedOnlyForTheSameLossWithOneRowPerWord() {
    Vocabulary old = Vocabulary.of(List.of("a", "b"), new long[] {3, 2});
    Vocabulary grown = Vocabulary.of(List.of("a", "b", "c"), new long[] {3, 2, 1});
    float[] input = {1, 2, 3, 4};
    float[] output = {5, 6, 7, 8};
    SavedModel model = new SavedModel(old, 2, input, output, "negsampling", true, "m");
    List<String> warnings = new ArrayList<>();

    float[] runInput = {0, 0, 0, 0, 9, 9};
    float[] runOutput = new float[6];
    model.copyInto(grown, 2, runInput, runOutput, "negsampling", warnings::add);
    assertArrayEquals(new float[] {1, 2, 3, 4, 9, 9}, runInput);
    assertArrayEquals(new float[] {5, 6, 7, 8, 0, 0}, runOutput);
    assertEquals(List.of(), warnings);

    float[] softmaxOutput = new float[6];
    model.copyInto(grown, 2, new float[6], softmaxOutput, "softmax", warnings::add);
    assertArrayEquals(new float[6], softmaxOutput);
    assertEquals(
        List.of(
            "the output weights of m are not reused (they belong to loss 'negsampling', and this"
                + " run's is 'softmax'); they start at zero"),
        warnings);

    float[] innerNodes = new float[4]; // a hierarchical softmax: V - 1 rows
    model.copyInto(grown, 2, new float[6], innerNodes, "negsampling", warnings::add);
    assertArrayEquals(new float[4], innerNodes);
    assertTrue(warnings.get(1).contains("does not have one output row per word"), warnings.get(1));
  }

  @Test
  void theCs224nTrainerRefusesToContinue() {
    TrainedModel start = new FastTrainer(config()).train(run(first).build());
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                new Cs224nTrainer(Cs224nConfig.defaults().withIterations(10))
                    .train(run(second).startFrom(start.toSaved("negsampling", "m")).build()));
    assertTrue(e.getMessage().contains("continue with --trainer fast"), e.getMessage());
    assertFalse(new dev.w2v.core.train.cs224n.Cs224nTrainerProvider().continuesTraining());
    assertTrue(new FastTrainerProvider().continuesTraining());
  }
}
