package dev.w2v.core.train.cs224n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.WordCounts;
import dev.w2v.core.corpus.EncodedCorpus;
import dev.w2v.core.corpus.SubSampling;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import org.junit.jupiter.api.Test;

/** CS224n's context sampler against its definition. */
class ContextSamplerTest {

  private static final int SENTENCES = 2000;

  /** 2000 sentences of 10 words, word 0 at every other position, the others rare. */
  private static EncodedCorpus corpus() {
    int[] positions = new int[SENTENCES * 11];
    int p = 0;
    for (int s = 0; s < SENTENCES; s++) {
      for (int i = 0; i < 10; i++) {
        positions[p++] = i % 2 == 0 ? 0 : 1 + (s * 5 + i) % 50;
      }
      positions[p++] = EncodedCorpus.END;
    }
    return EncodedCorpus.of(positions);
  }

  private static WordCounts counts(EncodedCorpus corpus, int words) {
    long[] counts = new long[words];
    for (long p = 0; p < corpus.size(); p++) {
      if (corpus.get(p) != EncodedCorpus.END) {
        counts[corpus.get(p)]++;
      }
    }
    return WordCounts.of(counts);
  }

  @Test
  void keptFractionMatchesTheKeepProbability() {
    EncodedCorpus corpus = corpus();
    WordCounts counts = counts(corpus, 51);
    SubSampling sub = SubSampling.cs224n(counts, 1e-3);
    ContextSampler sampler = new ContextSampler(corpus, sub, 30, new Xoshiro256PlusPlus(1));
    long[] kept = new long[51];
    for (int s = 0; s < sampler.sentences(); s++) {
      for (int w : sampler.sentence(s)) {
        kept[w]++;
      }
    }
    // Word 0: 10000 tokens x 30 copies, each kept with p. Sentences dropped for having < 2 words
    // remove a little; bound the difference by 5 standard errors plus that loss.
    double p = sub.keepProbability(0);
    assertTrue(p < 0.2, "the frequent word is mostly dropped: " + p);
    double trials = counts.count(0) * 30.0;
    double observed = kept[0] / trials;
    double se = Math.sqrt(p * (1 - p) / trials);
    assertTrue(Math.abs(observed - p) < 5 * se + 0.01, "kept " + observed + " expected " + p);
  }

  @Test
  void sentencesWithFewerThanTwoWordsAreDropped() {
    EncodedCorpus corpus = corpus();
    SubSampling sub = SubSampling.cs224n(counts(corpus, 51), 1e-4);
    ContextSampler sampler = new ContextSampler(corpus, sub, 3, new Xoshiro256PlusPlus(2));
    for (int s = 0; s < sampler.sentences(); s++) {
      assertTrue(sampler.sentence(s).length >= 2);
    }
    assertTrue(sampler.sentences() < SENTENCES * 3, "some sentences fall below 2 words");
  }

  @Test
  void contextsExcludeTheCenterWordAndStayInTheWindow() {
    EncodedCorpus corpus = corpus();
    ContextSampler sampler =
        new ContextSampler(
            corpus, SubSampling.cs224n(counts(corpus, 51), 0), 1, new Xoshiro256PlusPlus(3));
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
  void centerPositionsAreUniformAndTheReachIsShrunkAtRandom() {
    // One sentence of 10 distinct words: each is the center equally often.
    EncodedCorpus corpus = EncodedCorpus.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, EncodedCorpus.END);
    ContextSampler sampler =
        new ContextSampler(
            corpus, SubSampling.cs224n(counts(corpus, 10), 0), 1, new Xoshiro256PlusPlus(5));
    ContextSampler.Context c = new ContextSampler.Context(2);
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(6);
    int[] centers = new int[10];
    int full = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      sampler.sample(2, random, c);
      centers[c.center()]++;
      // The window of 2 each side holds at most the in-sentence neighbours within 2.
      int widest = Math.min(9, c.center() + 2) - Math.max(0, c.center() - 2);
      int narrowest = Math.min(9, c.center() + 1) - Math.max(0, c.center() - 1);
      assertTrue(c.size() >= narrowest && c.size() <= widest, "size " + c.size());
      full += c.size() == widest ? 1 : 0;
    }
    for (int count : centers) {
      // Expected 10000, sd ~95: 6 standard deviations.
      assertTrue(Math.abs(count - 10_000) < 570, "center count " + count);
    }
    // Reach 2 in about half the draws (the other half reach 1, which is narrower).
    assertEquals(0.5, full / (double) n, 0.02);
  }
}
