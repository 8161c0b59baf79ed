package dev.w2v.loss.negsampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.Parameters;
import dev.w2v.api.Sampler;
import dev.w2v.api.WordCounts;
import dev.w2v.testkit.DenseGradient;
import dev.w2v.testkit.GoldenAssertions;
import dev.w2v.testkit.GoldenReference;
import dev.w2v.testkit.GradientChecker;
import dev.w2v.testkit.PlantedBugs;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class NegativeSamplingLossTest {

  /** Returns a fixed sequence of words, as the course's check does with its seeded numpy. */
  private static final class ScriptedSampler implements Sampler {
    private final int size;
    private final int[] draws;
    private int next;

    ScriptedSampler(int size, int[]... draws) {
      this.size = size;
      this.draws = java.util.Arrays.stream(draws).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public int sample(RandomGenerator random) {
      return draws[next++];
    }

    @Override
    public double probability(int word) {
      return Double.NaN;
    }
  }

  private static Loss create(int words, int dim, int k, Sampler sampler) {
    long[] counts = new long[words];
    java.util.Arrays.fill(counts, 1);
    NegativeSamplingProvider provider = new NegativeSamplingProvider();
    Parameters parameters =
        Parameters.resolve(provider.name(), provider.parameters(), Map.of("k", k));
    return provider.create(new LossContext(WordCounts.of(counts), dim, parameters, sampler));
  }

  private static Sampler unigram(int words) {
    long[] counts = new long[words];
    for (int i = 0; i < words; i++) {
      counts[i] = 1 + (i * 7L) % 5;
    }
    return new UnigramSampler(WordCounts.of(counts), 0.75);
  }

  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextFloat() - 0.5f;
    }
    return x;
  }

  @Test
  void reproducesTheCs224nFiguresIncludingRepeatedNegatives() {
    GoldenReference golden = GoldenReference.load();
    GoldenReference.Case c = golden.negativeSampling();
    Loss loss = create(5, 3, 10, new ScriptedSampler(5, c.negatives()));
    DenseGradient gradient = new DenseGradient(3, 5);
    float[] centers = golden.centerMatrix();
    float[] outside = golden.outsideMatrix();
    Loss.Scratch scratch = loss.newScratch();
    double total = 0;
    for (int o : c.outside()) {
      total += loss.lossAndGradient(scratch, centers, c.center() * 3, o, outside, null, gradient);
    }
    GoldenAssertions.assertMatches(c, total, gradient);
  }

  @Test
  void redrawsANegativeEqualToTheTarget() {
    // Target 1; the sampler offers 1 first, then 0: only 0 may be used.
    Loss loss = create(3, 2, 1, new ScriptedSampler(3, new int[] {1, 1, 0}));
    DenseGradient gradient = new DenseGradient(2, 3);
    loss.lossAndGradient(
        loss.newScratch(),
        new float[] {1, 0},
        0,
        1,
        new float[] {1, 1, 2, 2, 3, 3},
        null,
        gradient);
    assertTrue(gradient.output(0, 0) != 0, "the redrawn negative 0 gets a gradient");
    assertEquals(0.0, gradient.output(2, 0), "word 2 was never drawn");
  }

  @Test
  void theCheckerRejectsANegativeCountedOnceWhenDrawnTwice() {
    // Five words and ten negatives: repeats are certain.
    Loss wrong = PlantedBugs.repeatedRowCountedOnce(create(5, 3, 10, unigram(5)));
    GradientChecker.Result result =
        new GradientChecker().check(wrong, random(3, 1), 0, new int[] {0}, random(15, 2), 17);
    assertFalse(result.passed());
    assertTrue(result.parameter().startsWith("output row"), result.message());
  }

  @Test
  void theCheckerRejectsAFlippedSign() {
    Loss wrong = PlantedBugs.flippedInputSign(create(5, 3, 10, unigram(5)));
    GradientChecker.Result result =
        new GradientChecker().check(wrong, random(3, 1), 0, new int[] {0}, random(15, 2), 17);
    assertFalse(result.passed());
    assertTrue(result.parameter().startsWith("input"), result.message());
  }

  @Test
  void staysFiniteAtScoresOfPlusAndMinusAThousand() {
    // u_0.v = 1000 (target, well classified), u_1.v = -1000, u_2.v = 1000 (a badly placed
    // negative).
    float[] v = {10, 10};
    float[] outputs = {50, 50, -50, -50, 50, 50};
    for (int target = 0; target < 3; target++) {
      Loss loss = create(3, 2, 4, unigram(3));
      DenseGradient gradient = new DenseGradient(2, 3);
      double j =
          loss.lossAndGradient(
              loss.newScratch(), v, 0, target, outputs, new SplittableRandom(3), gradient);
      assertTrue(Double.isFinite(j), "loss " + j);
      assertTrue(j >= 0);
      for (double g : gradient.input()) {
        assertTrue(Double.isFinite(g));
      }
      for (double g : gradient.outputs()) {
        assertTrue(Double.isFinite(g));
      }
    }
    Loss loss = create(3, 2, 1, new ScriptedSampler(3, new int[] {0}));
    double j =
        loss.lossAndGradient(loss.newScratch(), v, 0, 2, outputs, null, new DenseGradient(2, 3));
    // Target 2 scores +1000 (term ~0); the negative 0 scores +1000: -log s(-1000) = 1000.
    assertEquals(1000.0, j, 1e-9);
  }

  @Test
  void providerValidatesItsContext() {
    NegativeSamplingProvider provider = new NegativeSamplingProvider();
    Parameters k0 = Parameters.resolve("negsampling", provider.parameters(), Map.of("k", "0"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> provider.create(new LossContext(WordCounts.of(1, 2), 3, k0, unigram(2))));
    assertTrue(e.getMessage().contains("negsampling.k"), e.getMessage());
    Parameters defaults = Parameters.defaults("negsampling", provider.parameters());
    assertEquals(10, defaults.getInt("k"));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> provider.create(new LossContext(WordCounts.of(7), 3, defaults, unigram(1))));
    assertTrue(e.getMessage().contains("at least 2 words"), e.getMessage());
  }
}
