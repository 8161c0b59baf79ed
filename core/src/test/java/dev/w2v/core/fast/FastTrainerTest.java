package dev.w2v.core.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.Loss;
import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.testing.AliasSampler;
import dev.w2v.core.testing.TestNegativeSamplingLoss;
import dev.w2v.core.testing.TestSoftmaxLoss;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastTrainerTest {

  @TempDir Path dir;

  private static Function<WordCounts, Loss> negativeSampling(int dim) {
    return counts ->
        new TestNegativeSamplingLoss(counts.size(), dim, 5, new AliasSampler(counts, 0.75));
  }

  /**
   * Sentences of 7 words about one of 12 topics: 3 + 3 context words drawn from the topic's own 6
   * words around a center word. Topic 0's center is "syn1" or "syn2" at random, so those two share
   * every context; every other topic has a center word of its own.
   */
  private Path plantedSynonyms(int sentences) throws IOException {
    Path file = dir.resolve("synonyms.txt");
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

  private static int nearest(TrainedVectors v, int word) {
    int best = -1;
    double bestCosine = -2;
    for (int other = 0; other < v.words().size(); other++) {
      if (other != word && v.cosine(word, other) > bestCosine) {
        bestCosine = v.cosine(word, other);
        best = other;
      }
    }
    return best;
  }

  @Test
  void plantedSynonymsEndUpEachOthersNearestNeighboursWithTwoThreads() throws IOException {
    Path corpus = plantedSynonyms(20_000);
    FastConfig config =
        FastConfig.defaults().toBuilder()
            .dimension(24)
            .window(3)
            .minCount(1)
            .sample(0)
            .epochs(5)
            .threads(2)
            .seed(7)
            .build();
    List<FastProgress> reports = Collections.synchronizedList(new ArrayList<>());
    FastProgress[] last = new FastProgress[1];
    TrainedVectors v =
        new FastTrainer(config, Duration.ofMillis(5))
            .train(
                List.of(corpus),
                negativeSampling(24),
                new FastListener() {
                  @Override
                  public void progress(FastProgress progress) {
                    reports.add(progress);
                  }

                  @Override
                  public void finished(FastProgress progress) {
                    last[0] = progress;
                  }
                });
    int syn1 = v.indexOf("syn1");
    int syn2 = v.indexOf("syn2");
    assertEquals(syn2, nearest(v, syn1), "nearest to syn1: " + v.words().get(nearest(v, syn1)));
    assertEquals(syn1, nearest(v, syn2), "nearest to syn2: " + v.words().get(nearest(v, syn2)));
    assertEquals(1.0, last[0].fractionDone());
    assertEquals(2, last[0].wordsPerSecondPerThread().length);
    assertTrue(last[0].wordsPerSecond() > 0);
    assertTrue(last[0].learningRate() < 0.025 && last[0].learningRate() >= 0.025e-4);
    for (FastProgress p : reports) {
      assertTrue(p.fractionDone() >= 0 && p.fractionDone() <= 1, "fraction " + p.fractionDone());
    }
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
      FastConfig config =
          FastConfig.defaults().toBuilder()
              .model(model)
              .dimension(16)
              .minCount(1)
              .epochs(2)
              .threads(1)
              .seed(42)
              .build();
      TrainedVectors a =
          new FastTrainer(config).train(List.of(corpus), negativeSampling(16), FastListener.NONE);
      TrainedVectors b =
          new FastTrainer(config).train(List.of(corpus), negativeSampling(16), FastListener.NONE);
      assertArrayEquals(a.vectors(), b.vectors(), model.key());
      assertEquals(a.words(), b.words());
      TrainedVectors c =
          new FastTrainer(config.toBuilder().seed(43).build())
              .train(List.of(corpus), negativeSampling(16), FastListener.NONE);
      assertFalse(java.util.Arrays.equals(a.vectors(), c.vectors()), model.key());
    }
  }

  @Test
  void aMemoryMappedCorpusTrainsExactlyAsAnInMemoryOne() throws IOException {
    Path corpus = plantedSynonyms(2_000);
    FastConfig inMemory =
        FastConfig.defaults().toBuilder().dimension(8).minCount(1).epochs(2).threads(1).build();
    FastConfig mapped = inMemory.toBuilder().maxInMemoryWords(100).build();
    boolean[] wasMapped = new boolean[1];
    TrainedVectors a =
        new FastTrainer(inMemory).train(List.of(corpus), negativeSampling(8), FastListener.NONE);
    TrainedVectors b =
        new FastTrainer(mapped)
            .train(
                List.of(corpus),
                negativeSampling(8),
                new FastListener() {
                  @Override
                  public void corpusEncoded(EncodedCorpus encoded) {
                    wasMapped[0] = encoded.mapped();
                  }

                  @Override
                  public void progress(FastProgress progress) {}
                });
    assertTrue(wasMapped[0]);
    assertArrayEquals(a.vectors(), b.vectors());
  }

  @Test
  void cbowLearnsThePlantedSynonymsToo() throws IOException {
    Path corpus = plantedSynonyms(20_000);
    FastConfig config =
        FastConfig.defaults().toBuilder()
            .model(Model.CBOW)
            .dimension(24)
            .window(3)
            .minCount(1)
            .sample(0)
            .epochs(5)
            .threads(2)
            .seed(3)
            .build();
    TrainedVectors v =
        new FastTrainer(config).train(List.of(corpus), negativeSampling(24), FastListener.NONE);
    int syn1 = v.indexOf("syn1");
    int syn2 = v.indexOf("syn2");
    assertEquals(syn2, nearest(v, syn1), "nearest to syn1: " + v.words().get(nearest(v, syn1)));
  }

  @Test
  void worksThroughAPlainSoftmaxLossWhoseOutputRowsDifferFromTheVocabulary() throws IOException {
    Path corpus = plantedSynonyms(500);
    FastConfig config =
        FastConfig.defaults().toBuilder().dimension(8).minCount(1).epochs(1).threads(2).build();
    TrainedVectors v =
        new FastTrainer(config)
            .train(
                List.of(corpus),
                counts -> new TestSoftmaxLoss(counts.size() + 3, 8),
                FastListener.NONE);
    assertEquals(v.words().size() * 8, v.vectors().length);
    for (float x : v.vectors()) {
      assertTrue(Float.isFinite(x));
    }
  }

  @Test
  void aLossOfTheWrongDimensionIsRefused() throws IOException {
    Path corpus = plantedSynonyms(100);
    FastConfig config = FastConfig.defaults().toBuilder().dimension(8).minCount(1).build();
    W2vException e =
        assertThrows(
            W2vException.class,
            () ->
                new FastTrainer(config)
                    .train(
                        List.of(corpus),
                        counts -> new TestSoftmaxLoss(counts.size(), 9),
                        FastListener.NONE));
    assertTrue(e.getMessage().contains("dimension 9"), e.getMessage());
  }
}
