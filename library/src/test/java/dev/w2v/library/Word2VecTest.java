package dev.w2v.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import dev.w2v.core.query.UnknownWordException;
import dev.w2v.core.train.TrainingCancelledException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library as a program uses it: build, train, query, save, load, continue, cancel. */
class Word2VecTest {

  @TempDir static Path dir;
  static Path corpus;
  static List<String> sentences;
  static Model model;

  /**
   * Sentences of 7 words about one of 12 topics; topic 0's center word is syn1 or syn2 at random,
   * so those two share every context and must end up each other's nearest neighbour.
   */
  static List<String> plantedSynonyms(int count, long seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      int topic = random.nextInt(12);
      String center = topic == 0 ? (random.nextBoolean() ? "syn1" : "syn2") : "center" + topic;
      List<String> words = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        words.add("t" + topic + "w" + random.nextInt(6));
      }
      words.add(3, center);
      lines.add(String.join(" ", words));
    }
    return lines;
  }

  static Word2Vec.Builder small() {
    return Word2Vec.builder()
        .dimension(24)
        .window(3)
        .minCount(1)
        .sample(0)
        .epochs(5)
        .threads(1)
        .seed(7);
  }

  @BeforeAll
  static void train() throws IOException {
    sentences = plantedSynonyms(20_000, 99);
    corpus = Files.write(dir.resolve("synonyms.txt"), sentences, StandardCharsets.UTF_8);
    model = small().build().train(corpus);
  }

  @Test
  void answersGensimsQueries() {
    WordVectors v = model.vectors();
    assertEquals(24, v.dimension());
    assertEquals(model.size(), v.size());
    assertEquals("syn2", v.mostSimilar("syn1", 1).get(0).word());
    assertEquals("syn1", v.mostSimilar(List.of("syn2"), List.of(), 3).get(0).word());
    Neighbor best = v.mostSimilar("syn1", 1).get(0);
    assertEquals(v.rowOf("syn2"), best.row());
    assertEquals(v.similarity("syn1", "syn2"), best.similarity(), 1e-6);
    assertTrue(v.similarity("syn1", "syn2") > v.similarity("syn1", "center5"));
    assertEquals("center5", v.doesntMatch(List.of("syn1", "syn2", "center5")));
    assertTrue(v.contains("t3w2"));
    assertFalse(v.contains("T3W2"), "case is kept by the fast trainer's default");
    assertEquals(24, v.vector("syn1").length);
    assertEquals(10, v.mostSimilar(List.of("syn1", "t0w1"), List.of("center4"), 10).size());
    assertTrue(model.summary().startsWith("trained skipgram on"), model.summary());
    assertEquals("negsampling", model.loss());
    assertTrue(model.outputVectors().isPresent());
  }

  @Test
  void savesAndLoadsBothFormatsBitForBit() {
    for (VectorFormat format : VectorFormat.values()) {
      Path file = dir.resolve("vectors." + format);
      model.vectors().save(file, format);
      WordVectors loaded = WordVectors.load(file);
      assertEquals(model.vectors().words(), loaded.words());
      for (String word : List.of("syn1", "center3", "t11w5")) {
        assertArrayEquals(model.vectors().vector(word), loaded.vector(word), format + " " + word);
      }
    }
  }

  @Test
  void aFileAnIterableAndAStreamOfTheSameSentencesTrainTheSameVectors() {
    Word2Vec word2vec = small().epochs(1).build();
    List<String> few = sentences.subList(0, 3_000);
    Model fromIterable = word2vec.train(few);
    Model fromStream = word2vec.train(few.stream());
    Model fromFile = word2vec.train(Corpus.of(writeLines("few.txt", few)));
    assertArrayEquals(
        fromFile.vectors().vector("syn1"), fromIterable.vectors().vector("syn1"), "iterable");
    assertArrayEquals(
        fromFile.vectors().vector("syn1"), fromStream.vectors().vector("syn1"), "stream");
  }

  private static Path writeLines(String name, List<String> lines) {
    try {
      return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theListenerHearsProgressUpToTheEnd() {
    List<TrainingProgress> heard = new ArrayList<>();
    small().epochs(1).listener(heard::add).build().train(sentences.subList(0, 2_000));
    assertFalse(heard.isEmpty());
    TrainingProgress last = heard.get(heard.size() - 1);
    assertEquals(1.0, last.fraction());
    assertEquals("words", last.unit());
    assertEquals(2_000 * 7, last.total());
    for (int i = 1; i < heard.size(); i++) {
      assertTrue(heard.get(i).done() >= heard.get(i - 1).done(), "progress never goes back");
    }
  }

  @Test
  void aCancelledRunResumesFromItsCheckpointToTheSameVectors() throws Exception {
    Word2Vec straight = small().epochs(3).build();
    Model expected = straight.train(corpus);
    Path folder = dir.resolve("checkpoints");
    Training training = small().epochs(3).checkpoints(folder).build().start(Corpus.of(corpus));
    training.cancel();
    TrainingCancelledException e = assertThrows(TrainingCancelledException.class, training::await);
    assertTrue(e.getMessage().startsWith("cancelled by the program at position "), e.getMessage());
    assertTrue(training.isDone());
    assertTrue(e.checkpoint().isPresent(), e.getMessage());
    Model resumed = small().epochs(3).checkpoints(folder).resume(true).build().train(corpus);
    assertArrayEquals(expected.vectors().vector("syn1"), resumed.vectors().vector("syn1"));
    assertArrayEquals(expected.vectors().vector("t7w3"), resumed.vectors().vector("t7w3"));
  }

  @Test
  void continuesAModelInMemoryOrSavedAddingNewWordsAfterTheOldOnes() throws Exception {
    List<String> more = new ArrayList<>(sentences.subList(0, 2_000));
    for (int i = 0; i < 50; i++) {
      more.add("brand new words here t1w1 t1w2");
    }
    Model continued =
        Word2Vec.builder().minCount(1).threads(1).continueFrom(model).build().train(more);
    assertEquals(24, continued.dimension(), "the model's dimension without dimension(...)");
    assertEquals(model.words(), continued.words().subList(0, model.size()));
    assertEquals(
        List.of("brand", "new", "words", "here"),
        continued.words().subList(model.size(), continued.size()));
    assertEquals(50, continued.count("brand"));
    assertEquals(model.count("t1w1") + countOf(more, "t1w1"), continued.count("t1w1"));

    Path saved = dir.resolve("model.w2v");
    model.save(saved);
    Model loaded = Model.load(saved);
    assertEquals(model.words(), loaded.words());
    assertArrayEquals(model.vectors().vector("syn1"), loaded.vectors().vector("syn1"));
    assertArrayEquals(
        model.vectors().vector("syn1"), WordVectors.load(saved).vector("syn1"), "model files load");
    Model fromFile =
        Word2Vec.builder().minCount(1).threads(1).continueFrom(saved).build().train(more);
    assertArrayEquals(continued.vectors().vector("brand"), fromFile.vectors().vector("brand"));

    model.saveVocabulary(dir.resolve("vocab.txt"));
    List<String> vocab = Files.readAllLines(dir.resolve("vocab.txt"));
    assertEquals(model.words().get(0) + " " + model.count(model.words().get(0)), vocab.get(0));
    assertEquals(model.size(), vocab.size());

    W2vException cs224n =
        assertThrows(
            W2vException.class,
            () -> Word2Vec.builder().trainer("cs224n").continueFrom(model).build());
    assertTrue(
        cs224n.getMessage().startsWith("trainer 'cs224n' cannot continue"), cs224n.getMessage());
  }

  private static long countOf(List<String> lines, String word) {
    long n = 0;
    for (String line : lines) {
      for (String token : line.split(" ")) {
        n += token.equals(word) ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void defaultsAreLayeredAsTheCommandLineLayersThem() {
    var fast = Word2Vec.builder().build().settings();
    assertEquals(100, fast.get("dim"));
    assertEquals(false, fast.get("lowercase"), "the fast trainer keeps case");
    assertEquals(5, fast.get("negsampling.k"), "its default for a plugin parameter");
    var cs224n = Word2Vec.builder().trainer("cs224n").build().settings();
    assertEquals(10, cs224n.get("dim"));
    assertEquals(true, cs224n.get("lowercase"));
    assertEquals(
        "10",
        String.valueOf(
            Word2Vec.builder().set("negsampling.k", "10").build().settings().get("negsampling.k")));
  }

  private static String message(Supplier<Object> build) {
    return assertThrows(W2vException.class, build::get).getMessage();
  }

  @Test
  void everyMistakeIsOneLineNamingIt() {
    assertEquals(
        "unknown trainer 'fats'; available: cs224n, fast",
        message(() -> Word2Vec.builder().trainer("fats").build()));
    assertEquals(
        "unknown setting 'min-cuont'; did you mean 'min-count'?",
        message(() -> Word2Vec.builder().set("min-cuont", 2).build()));
    assertEquals(
        "setting 'dim' must be an integer, but is 'ten'",
        message(() -> Word2Vec.builder().set("dim", "ten").build()));
    assertEquals(
        "configuration key 'dim' must be at least 1, but is 0",
        message(() -> Word2Vec.builder().dimension(0).build()));
    assertEquals(
        "setting 'iterations' belongs to trainer 'cs224n', but the trainer is 'fast'",
        message(() -> Word2Vec.builder().iterations(10).build()));
    assertEquals(
        "unknown setting 'negsampling.kk': negsampling accepts k",
        message(() -> Word2Vec.builder().set("negsampling.kk", 3).build()));
    assertTrue(
        message(() -> Word2Vec.builder().set("out", "x").build())
            .startsWith("setting 'out' is read by the w2v command only; save where you like"));
    assertTrue(message(() -> Word2Vec.builder().loss("nce").build()).contains("negsampling"));
    assertTrue(
        message(() -> Word2Vec.builder().build().train(dir.resolve("missing.txt")))
            .contains("does not exist"));

    WordVectors v = model.vectors();
    assertEquals(
        "k must be at least 1, got 0: it is how many words to return",
        message(() -> v.mostSimilar("syn1", 0)));
    assertTrue(message(() -> v.doesntMatch(List.of("syn1", "syn2"))).contains("three words"));
    UnknownWordException unknown =
        assertThrows(UnknownWordException.class, () -> v.similarity("syn1", "snyl"));
    assertTrue(unknown.suggestions().contains("syn1"), unknown.getMessage());
    assertThrows(UnknownWordException.class, () -> v.vector("nope"));
    assertThrows(UnknownWordException.class, () -> model.count("nope"));
  }
}
