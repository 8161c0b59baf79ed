package dev.w2v.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.random.Xoshiro256PlusPlus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sub-sampler and the context sampler against their formulas. */
class SamplingStatisticsTest {

  /** A corpus where word 0 is very frequent and the others rare. */
  private static Corpus corpus() {
    List<int[]> sentences = new ArrayList<>();
    for (int s = 0; s < 2000; s++) {
      int[] sentence = new int[10];
      for (int i = 0; i < 10; i++) {
        sentence[i] = i % 2 == 0 ? 0 : 1 + (s * 5 + i) % 50;
      }
      sentences.add(sentence);
    }
    long[] counts = new long[51];
    for (int[] s : sentences) {
      for (int w : s) {
        counts[w]++;
      }
    }
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      words.add("w" + i);
    }
    return new Corpus(new Vocabulary(words, counts), sentences);
  }

  @Test
  void rejectionProbabilityFollowsTheFormula() {
    Vocabulary v = corpus().vocabulary();
    double t = 1e-3;
    double[] reject = SubSampling.rejectProbabilities(v, t);
    double n = v.totalCount();
    for (int w = 0; w < v.size(); w++) {
      double expected = Math.max(0, 1 - Math.sqrt(t * n / v.count(w)));
      assertEquals(expected, reject[w], 1e-15);
    }
    assertTrue(reject[0] > 0.8, "the frequent word is mostly dropped: " + reject[0]);
    assertEquals(0.0, SubSampling.rejectProbabilities(v, 1.0)[0]);
  }

  @Test
  void keptFractionMatchesOneMinusRejection() {
    Corpus corpus = corpus();
    double[] reject = SubSampling.rejectProbabilities(corpus.vocabulary(), 1e-3);
    ContextSampler sampler = new ContextSampler(corpus, reject, 30, new Xoshiro256PlusPlus(1));
    long[] kept = new long[51];
    for (int s = 0; s < sampler.sentences(); s++) {
      for (int w : sampler.sentence(s)) {
        kept[w]++;
      }
    }
    // Word 0: 10000 tokens x 30 copies, each kept with p = 1 - reject. Sentences dropped for
    // having < 2 words remove a little; bound the difference by 5 standard errors plus that loss.
    double p = 1 - reject[0];
    double trials = corpus.vocabulary().count(0) * 30.0;
    double observed = kept[0] / trials;
    double se = Math.sqrt(p * (1 - p) / trials);
    assertTrue(Math.abs(observed - p) < 5 * se + 0.01, "kept " + observed + " expected " + p);
  }

  @Test
  void sentencesWithFewerThanTwoWordsAreDropped() {
    Corpus corpus = corpus();
    double[] reject = SubSampling.rejectProbabilities(corpus.vocabulary(), 1e-4);
    ContextSampler sampler = new ContextSampler(corpus, reject, 3, new Xoshiro256PlusPlus(2));
    for (int s = 0; s < sampler.sentences(); s++) {
      assertTrue(sampler.sentence(s).length >= 2);
    }
    assertTrue(
        sampler.sentences() < corpus.sentences().size() * 3, "some sentences fall below 2 words");
  }

  @Test
  void contextsExcludeTheCenterWordAndStayInTheWindow() {
    Corpus corpus = corpus();
    ContextSampler sampler =
        new ContextSampler(corpus, new double[51], 1, new Xoshiro256PlusPlus(3));
    ContextSampler.Context c = new ContextSampler.Context(5);
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(4);
    int[] sizes = new int[11];
    for (int i = 0; i < 20000; i++) {
      sampler.sample(3, random, c);
      assertTrue(c.size() >= 1 && c.size() <= 6, "size " + c.size());
      for (int k = 0; k < c.size(); k++) {
        assertNotEquals(c.center(), c.outside(k));
      }
      sizes[c.size()]++;
    }
    // With word 0 at every other position, a center 0 sees at most the 3 others of its window.
    assertTrue(sizes[6] > 0 && sizes[3] > 0);
  }

  @Test
  void centerPositionsAreUniform() {
    // One sentence of 10 distinct words: each is the center equally often.
    List<int[]> sentences = List.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    List<String> words = new ArrayList<>();
    long[] counts = new long[10];
    for (int i = 0; i < 10; i++) {
      words.add("w" + i);
      counts[i] = 1;
    }
    ContextSampler sampler =
        new ContextSampler(
            new Corpus(new Vocabulary(words, counts), sentences),
            new double[10],
            1,
            new Xoshiro256PlusPlus(5));
    ContextSampler.Context c = new ContextSampler.Context(2);
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(6);
    int[] centers = new int[10];
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      sampler.sample(2, random, c);
      centers[c.center()]++;
      // The window of 2 each side holds exactly the in-sentence neighbours.
      int expected = Math.min(9, c.center() + 2) - Math.max(0, c.center() - 2);
      assertEquals(expected, c.size());
    }
    for (int count : centers) {
      // Expected 10000, sd ~95: 6 standard deviations.
      assertTrue(Math.abs(count - 10_000) < 570, "center count " + count);
    }
  }
}
