package dev.w2v.loss.softmax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.Parameters;
import dev.w2v.api.Sampler;
import dev.w2v.api.WordCounts;
import dev.w2v.testkit.DenseGradient;
import dev.w2v.testkit.GoldenAssertions;
import dev.w2v.testkit.GoldenReference;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SoftmaxLossTest {

  private static final Sampler UNUSED =
      new Sampler() {
        @Override
        public int size() {
          return 0;
        }

        @Override
        public int sample(RandomGenerator random) {
          throw new AssertionError("softmax draws nothing");
        }

        @Override
        public double probability(int word) {
          return 0;
        }
      };

  private static Loss create(int words, int dim) {
    SoftmaxLossProvider provider = new SoftmaxLossProvider();
    return provider.create(
        new LossContext(
            WordCounts.of(new long[words]),
            dim,
            Parameters.defaults(provider.name(), provider.parameters()),
            UNUSED));
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
  void reproducesTheCs224nFigures() {
    GoldenReference golden = GoldenReference.load();
    GoldenReference.Case c = golden.softmax();
    Loss loss = create(5, 3);
    DenseGradient gradient = new DenseGradient(3, 5);
    Loss.Scratch scratch = loss.newScratch();
    double total = 0;
    for (int o : c.outside()) {
      total +=
          loss.lossAndGradient(
              scratch,
              golden.centerMatrix(),
              c.center() * 3,
              o,
              golden.outsideMatrix(),
              null,
              gradient);
    }
    GoldenAssertions.assertMatches(c, total, gradient);
  }

  @Test
  void staysFiniteAtScoresOfPlusAndMinusAThousand() {
    float[] v = {10, 10};
    float[] outputs = {50, 50, -50, -50, 0, 0}; // scores 1000, -1000, 0
    Loss loss = create(3, 2);
    DenseGradient good = new DenseGradient(2, 3);
    double easy = loss.lossAndGradient(loss.newScratch(), v, 0, 0, outputs, null, good);
    DenseGradient bad = new DenseGradient(2, 3);
    double hard = loss.lossAndGradient(loss.newScratch(), v, 0, 1, outputs, null, bad);
    assertEquals(0.0, easy, 1e-9);
    assertEquals(2000.0, hard, 1e-9);
    for (DenseGradient g : new DenseGradient[] {good, bad}) {
      for (double x : g.input()) {
        assertTrue(Double.isFinite(x));
      }
      for (double x : g.outputs()) {
        assertTrue(Double.isFinite(x));
      }
    }
    // The hard case: y_hat is ~one-hot on word 0, so dJ/du_1 = -v and dJ/du_0 = v.
    assertEquals(-10.0, bad.output(1, 0), 1e-6);
    assertEquals(10.0, bad.output(0, 1), 1e-6);
  }
}
