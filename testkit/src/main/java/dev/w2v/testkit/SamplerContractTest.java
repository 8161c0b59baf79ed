package dev.w2v.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.w2v.api.ParameterSpec;
import dev.w2v.api.Parameters;
import dev.w2v.api.Sampler;
import dev.w2v.api.SamplerProvider;
import dev.w2v.api.WordCounts;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Sampler} plugin must keep. Extend it and return your provider from
 * {@link #provider()}.
 *
 * <p>The distribution check is Pearson's chi-square test of 400,000 draws against {@link
 * Sampler#probability}, at the 0.999 quantile: a correct sampler fails it for one seed in a
 * thousand, and the seed is fixed, so a pass stays a pass.
 */
public abstract class SamplerContractTest {

  /** The provider under test. */
  protected abstract SamplerProvider provider();

  /** Parameter values to create the sampler with, by name; the defaults otherwise. */
  protected Map<String, Object> parameters() {
    return Map.of();
  }

  /** The counts of the vocabulary sampled from: Zipf-like over 200 words by default. */
  protected WordCounts counts() {
    return LossContractTest.zipf(200);
  }

  private Sampler create() {
    SamplerProvider provider = provider();
    return provider.create(
        counts(), Parameters.resolve(provider.name(), provider.parameters(), parameters()));
  }

  @Test
  void drawsFollowTheDeclaredDistribution() {
    Sampler sampler = create();
    int n = sampler.size();
    assertEquals(counts().size(), n, provider().name() + ": size() must be the vocabulary size");
    int draws = 400_000;
    long[] observed = new long[n];
    SplittableRandom random = new SplittableRandom(2024);
    for (int i = 0; i < draws; i++) {
      int w = sampler.sample(random);
      assertTrue(w >= 0 && w < n, provider().name() + ": drew " + w + ", outside [0, " + n + ")");
      observed[w]++;
    }
    double total = 0;
    double chi2 = 0;
    int cells = 0;
    for (int w = 0; w < n; w++) {
      double p = sampler.probability(w);
      total += p;
      double expected = draws * p;
      if (expected == 0) {
        assertEquals(
            0, observed[w], provider().name() + ": word " + w + " has probability 0 but was drawn");
        continue;
      }
      chi2 += (observed[w] - expected) * (observed[w] - expected) / expected;
      cells++;
    }
    assertEquals(
        1.0, total, 1e-9, provider().name() + ": the declared probabilities must sum to 1");
    int df = Math.max(1, cells - 1);
    double z = 3.0902; // the 0.999 quantile of the standard normal
    double critical = df * Math.pow(1 - 2.0 / (9 * df) + z * Math.sqrt(2.0 / (9 * df)), 3);
    assertTrue(
        chi2 < critical,
        provider().name()
            + ": the draws do not follow probability(w): chi-square "
            + String.format("%.1f", chi2)
            + " exceeds "
            + String.format("%.1f", critical)
            + " at "
            + df
            + " degrees of freedom "
            + "(a correct sampler exceeds it once in 1000 seeds); check sample() against probability()");
  }

  @Test
  void theSameSeedGivesTheSameDraws() {
    Sampler sampler = create();
    int[] a = new int[1000];
    int[] b = new int[1000];
    SplittableRandom first = new SplittableRandom(7);
    SplittableRandom second = new SplittableRandom(7);
    for (int i = 0; i < a.length; i++) {
      a[i] = sampler.sample(first);
      b[i] = sampler.sample(second);
    }
    assertArrayEquals(
        a,
        b,
        provider().name()
            + ": generators in the same state gave different draws; "
            + "draw only from the generator passed in");
  }

  @Test
  void allocatesNothingPerDraw() {
    assumeTrue(Allocations.supported(), "this JVM cannot count a thread's allocations");
    Sampler sampler = create();
    SplittableRandom random = new SplittableRandom(9);
    int draws = 200_000;
    long sink = 0;
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < draws; i++) {
        sink += sampler.sample(random);
      }
    }
    long before = Allocations.current();
    for (int i = 0; i < draws; i++) {
      sink += sampler.sample(random);
    }
    long bytes = Allocations.current() - before;
    assertTrue(sink >= 0);
    assertTrue(
        (double) bytes / draws < 0.5,
        provider().name()
            + ": allocates about "
            + String.format("%.2f", (double) bytes / draws)
            + " bytes per draw once warm; precompute tables in create()");
  }

  @Test
  void describesItselfAndItsParameters() {
    SamplerProvider provider = provider();
    assertTrue(
        ParameterSpec.NAME.matcher(provider.name()).matches(),
        "the provider name '" + provider.name() + "' must match " + ParameterSpec.NAME.pattern());
    assertTrue(
        !provider.description().isBlank() && !provider.description().contains("\n"),
        provider.name() + ": the description must be one non-blank line");
    provider.create(counts(), Parameters.defaults(provider.name(), provider.parameters()));
  }
}
