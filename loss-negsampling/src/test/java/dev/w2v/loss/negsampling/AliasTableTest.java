package dev.w2v.loss.negsampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.Parameters;
import dev.w2v.api.Sampler;
import dev.w2v.api.WordCounts;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class AliasTableTest {

  /**
   * Pearson's chi-square statistic of {@code draws} draws against the declared probabilities,
   * compared with the 0.999 quantile (Wilson-Hilferty): with a fixed seed the test is
   * deterministic, and a correct sampler would fail it for one seed in a thousand.
   */
  private static void assertFollowsDistribution(Sampler sampler, int draws, long seed) {
    int n = sampler.size();
    long[] observed = new long[n];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < draws; i++) {
      observed[sampler.sample(random)]++;
    }
    double chi2 = 0;
    int cells = 0;
    for (int w = 0; w < n; w++) {
      double expected = draws * sampler.probability(w);
      if (expected == 0) {
        assertEquals(0, observed[w], "word " + w + " has probability 0 but was drawn");
        continue;
      }
      chi2 += (observed[w] - expected) * (observed[w] - expected) / expected;
      cells++;
    }
    int df = cells - 1;
    double z = 3.0902; // the 0.999 standard normal quantile
    double critical = df * Math.pow(1 - 2.0 / (9 * df) + z * Math.sqrt(2.0 / (9 * df)), 3);
    assertTrue(chi2 < critical, "chi-square " + chi2 + " exceeds " + critical + " at df " + df);
  }

  @Test
  void unigramDrawsFollowCountsToThePower() {
    long[] counts = new long[200];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = 1 + 1000 / (i + 1); // Zipf-like
    }
    UnigramSamplerProvider provider = new UnigramSamplerProvider();
    Sampler sampler =
        provider.create(
            WordCounts.of(counts), Parameters.defaults("unigram", provider.parameters()));
    double norm = 0;
    for (long c : counts) {
      norm += Math.pow(c, 0.75);
    }
    assertEquals(Math.pow(counts[3], 0.75) / norm, sampler.probability(3), 1e-15);
  }

  @Test
  void powerIsAParameter() {
    UnigramSamplerProvider provider = new UnigramSamplerProvider();
    Sampler linear =
        provider.create(
            WordCounts.of(1, 3),
            Parameters.resolve("unigram", provider.parameters(), Map.of("power", "1")));
    assertEquals(0.25, linear.probability(0), 1e-15);
  }

  @Test
  void wordsWithZeroCountAreNeverDrawn() {
    Sampler sampler = new UnigramSampler(WordCounts.of(0, 5, 0, 2), 1.0);
    assertEquals(0.0, sampler.probability(0));
    assertFollowsDistribution(sampler, 50_000, 7);
  }

  @Test
  void uniformDrawsEveryWordAlike() {
    Sampler sampler = new UniformSamplerProvider().create(WordCounts.of(new long[37]), null);
    assertEquals(1.0 / 37, sampler.probability(36), 1e-15);
  }

  @Test
  void rejectsAllZeroWeights() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {0, 0}));
    assertTrue(e.getMessage().contains("zero"));
  }

  /** Replays fixed 64-bit values, to steer a draw into a chosen path. */
  private static RandomGenerator replaying(long... values) {
    int[] next = {0};
    return () -> values[next[0]++];
  }

  @Test
  void aColumnDrawInTheBiasedZoneIsRejectedAndDrawnAgain() {
    // Three equal columns keep their own word, so the column drawn is the word returned.
    AliasTable table = new AliasTable(new double[] {1, 1, 1});
    // Lemire's multiply-shift maps the high 32 bits h to column (3h) >> 32; the low part
    // (3h) mod 2^32 must be at least 2^32 mod 3 = 1 or the draw is biased and must be redone.
    // h = 0 gives low part 0: rejected, and the second value (h = 2^32 - 1, column 2) decides.
    assertEquals(2, table.sample(replaying(0L, 0xFFFF_FFFF_0000_0000L)));
    // h = 0x5555_5556 gives column 1 with low part 2, which is accepted at once.
    assertEquals(1, table.sample(replaying(0x5555_5556_0000_0000L)));
  }
}
