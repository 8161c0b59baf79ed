package dev.w2v.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.ParameterSpec;
import dev.w2v.api.Parameters;
import dev.w2v.api.Sampler;
import dev.w2v.api.WordCounts;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link dev.w2v.api.Loss} plugin must keep. Extend it in your plugin's tests
 * and return your provider from {@link #provider()}:
 *
 * <pre>{@code
 * class MyLossContractTest extends LossContractTest {
 *   @Override
 *   protected LossProvider provider() {
 *     return new MyLossProvider();
 *   }
 * }
 * }</pre>
 *
 * Each check runs over several vocabulary sizes and dimensions on random data, and says in its
 * failure message what was expected, what was seen and what mistake usually causes it.
 */
public abstract class LossContractTest {

  /** The provider under test. */
  protected abstract LossProvider provider();

  /** Parameter values to create the loss with, by parameter name; the defaults otherwise. */
  protected Map<String, Object> parameters() {
    return Map.of();
  }

  /**
   * The sampler handed to the loss for {@code counts}: by default the kit's own, P(w) proportional
   * to count^0.75. Override to test with the sampler your loss is meant for.
   */
  protected Sampler sampler(WordCounts counts) {
    return new KitSampler(counts.toArray());
  }

  /** Vocabulary sizes and dimensions every check runs over: {V, d} pairs. */
  protected int[][] sizes() {
    return new int[][] {{2, 1}, {5, 3}, {17, 8}, {64, 16}};
  }

  private Loss create(int words, int dim) {
    return create(words, dim, sampler(zipf(words)));
  }

  private Loss create(int words, int dim, Sampler sampler) {
    LossProvider provider = provider();
    Parameters parameters =
        Parameters.resolve(provider.name(), provider.parameters(), parameters());
    Loss loss = provider.create(new LossContext(zipf(words), dim, parameters, sampler));
    assertNotNull(loss, provider.name() + ": create returned null");
    assertEquals(
        dim,
        loss.dimension(),
        provider.name() + ": dimension() must be the dimension it was created for");
    assertTrue(loss.outputRows() >= 1, provider.name() + ": outputRows() must be at least 1");
    return loss;
  }

  /** Zipf-like counts, so frequent words are drawn as negatives repeatedly. */
  static WordCounts zipf(int words) {
    long[] counts = new long[words];
    for (int i = 0; i < words; i++) {
      counts[i] = 1 + 1000 / (i + 1);
    }
    return WordCounts.of(counts);
  }

  private static float[] uniform(SplittableRandom random, int n, float scale) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (random.nextFloat() - 0.5f) * 2 * scale;
    }
    return x;
  }

  private String where(int words, int dim) {
    return provider().name() + " with V=" + words + ", d=" + dim;
  }

  @Test
  void gradientsMatchCenteredDifferences() {
    for (int[] size : sizes()) {
      int words = size[0];
      int dim = size[1];
      Loss loss = create(words, dim);
      SplittableRandom random = new SplittableRandom(words * 1000L + dim);
      // Repeated targets, as a window that names a word twice; small vocabularies repeat negatives.
      int[] targets = {0, words - 1, 0, words / 2};
      GradientChecker.Result result =
          new GradientChecker()
              .check(
                  loss,
                  uniform(random, dim, 0.5f),
                  0,
                  targets,
                  uniform(random, loss.outputRows() * dim, 0.5f),
                  17);
      if (!result.passed()) {
        fail(
            where(words, dim)
                + ": the reported gradient disagrees with centered differences of the loss. "
                + result.message()
                + ". A wrong sign, a missing factor, or a row drawn twice but reported once "
                + "(each draw must be reported) are the usual causes.");
      }
    }
  }

  @Test
  void lossAndGradientsStayFiniteAtScoresOfPlusOrMinusAThousand() {
    for (int[] size : sizes()) {
      int words = size[0];
      int dim = size[1];
      Loss loss = create(words, dim);
      // input = 10 e_0; output rows alternate +-100 e_0: every score is +-1000.
      float[] input = new float[dim];
      input[0] = 10f;
      float[] outputs = new float[loss.outputRows() * dim];
      for (int r = 0; r < loss.outputRows(); r++) {
        outputs[r * dim] = r % 2 == 0 ? 100f : -100f;
      }
      for (int target = 0; target < Math.min(words, 4); target++) {
        DenseGradient gradient = new DenseGradient(dim, loss.outputRows());
        double j =
            loss.lossAndGradient(
                loss.newScratch(),
                input,
                0,
                target,
                outputs,
                new SplittableRandom(target),
                gradient);
        String context = where(words, dim) + ", target " + target + " at scores of +-1000";
        assertTrue(
            Double.isFinite(j) && j >= 0,
            context
                + ": the loss is "
                + j
                + "; compute log-sigmoid and log-sum-exp in a stable form (no exp of a large score)");
        for (double g : gradient.input()) {
          assertTrue(Double.isFinite(g), context + ": the input gradient holds " + g);
        }
        for (double g : gradient.outputs()) {
          assertTrue(Double.isFinite(g), context + ": an output-row gradient holds " + g);
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameLossAndGradients() {
    for (int[] size : sizes()) {
      int words = size[0];
      int dim = size[1];
      Loss loss = create(words, dim);
      SplittableRandom random = new SplittableRandom(3);
      float[] input = uniform(random, dim, 0.5f);
      float[] outputs = uniform(random, loss.outputRows() * dim, 0.5f);
      DenseGradient first = new DenseGradient(dim, loss.outputRows());
      DenseGradient second = new DenseGradient(dim, loss.outputRows());
      double a =
          loss.lossAndGradient(
              loss.newScratch(), input, 0, words - 1, outputs, new SplittableRandom(99), first);
      double b =
          loss.lossAndGradient(
              loss.newScratch(), input, 0, words - 1, outputs, new SplittableRandom(99), second);
      String context = where(words, dim) + ": two calls with generators in the same state ";
      assertEquals(
          a,
          b,
          context + "returned different losses; take randomness only from the generator passed in");
      assertTrue(
          Arrays.equals(first.input(), second.input())
              && Arrays.equals(first.outputs(), second.outputs()),
          context
              + "reported different gradients; take randomness only from the generator passed in");
    }
  }

  /** A sampler that never draws a word twice in a row of calls: distinct negatives. */
  private static final class Distinct implements Sampler {
    private final int size;
    private int next;

    Distinct(int size) {
      this.size = size;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public int sample(RandomGenerator random) {
      return next++ % size;
    }

    @Override
    public double probability(int word) {
      return 1.0 / size;
    }
  }

  @Test
  void readsEachOutputRowBeforeReportingItsGradient() {
    // A sink that applies reports at once (as the fast trainer's does) poisons each row it
    // receives; with distinct negatives no row needs reading after its report, so a correct loss
    // never sees the poison.
    int words = 60;
    for (int[] size : sizes()) {
      int dim = size[1];
      Loss loss = create(words, dim, new Distinct(words));
      SplittableRandom random = new SplittableRandom(5);
      float[] input = uniform(random, dim, 0.5f);
      float[] outputs = uniform(random, loss.outputRows() * dim, 0.5f);
      DenseGradient expected = new DenseGradient(dim, loss.outputRows());
      loss.lossAndGradient(
          loss.newScratch(), input, 0, 7, outputs.clone(), new SplittableRandom(1), expected);

      Loss fresh = create(words, dim, new Distinct(words));
      float[] live = outputs.clone();
      double[] seen = new double[dim];
      GradientSink immediate =
          new GradientSink() {
            @Override
            public void inputGradient(float[] gradient, int offset) {
              for (int j = 0; j < dim; j++) {
                seen[j] = gradient[offset + j];
              }
            }

            @Override
            public void outputGradient(int row, float coefficient, float[] vector, int offset) {
              Arrays.fill(live, row * dim, (row + 1) * dim, Float.NaN);
            }
          };
      double j =
          fresh.lossAndGradient(
              fresh.newScratch(), input, 0, 7, live, new SplittableRandom(1), immediate);
      String context = where(words, dim) + " under a sink that applies each report at once";
      assertFalse(
          Double.isNaN(j),
          context + ": the loss read an output row after reporting that row's gradient");
      for (int i = 0; i < dim; i++) {
        assertEquals(
            expected.input(i),
            seen[i],
            1e-6 * Math.max(1, Math.abs(expected.input(i))),
            context
                + ": the input gradient changed at ["
                + i
                + "], so it used a row after reporting it; "
                + "add each row to the input gradient before reporting the row");
      }
    }
  }

  @Test
  void oneInstanceSharedByTwoThreadsGivesEachTheResultsItGetsAlone() throws Exception {
    int[] size = sizes()[sizes().length - 1];
    int words = size[0];
    int dim = size[1];
    Loss loss = create(words, dim);
    int cases = 400;
    SplittableRandom random = new SplittableRandom(11);
    float[][] inputs = new float[cases][];
    for (int c = 0; c < cases; c++) {
      inputs[c] = uniform(random, dim, 0.5f);
    }
    float[] outputs = uniform(random, loss.outputRows() * dim, 0.5f);
    double[] alone = new double[cases];
    Loss.Scratch scratch = loss.newScratch();
    for (int c = 0; c < cases; c++) {
      alone[c] = inputGradientSum(loss, scratch, inputs[c], c % words, outputs, c);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        Future<?>[] futures = new Future<?>[2];
        for (int t = 0; t < 2; t++) {
          futures[t] =
              pool.submit(
                  () -> {
                    Loss.Scratch own = loss.newScratch();
                    for (int c = 0; c < cases; c++) {
                      double got = inputGradientSum(loss, own, inputs[c], c % words, outputs, c);
                      if (got != alone[c]) {
                        throw new AssertionError(
                            where(words, dim)
                                + ": case "
                                + c
                                + " gave "
                                + got
                                + " on a thread sharing the loss, "
                                + alone[c]
                                + " alone; keep per-call state in the Scratch from newScratch(), "
                                + "never in fields of the loss");
                      }
                    }
                    return null;
                  });
        }
        for (Future<?> f : futures) {
          try {
            f.get();
          } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
              throw a;
            }
            throw e;
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The loss plus the sum of the input gradient: a fingerprint of one call's results. */
  private static double inputGradientSum(
      Loss loss, Loss.Scratch scratch, float[] input, int target, float[] outputs, long seed) {
    double[] sum = new double[1];
    GradientSink sink =
        new GradientSink() {
          @Override
          public void inputGradient(float[] gradient, int offset) {
            for (int j = 0; j < loss.dimension(); j++) {
              sum[0] += gradient[offset + j] * (j + 1);
            }
          }

          @Override
          public void outputGradient(int row, float coefficient, float[] vector, int offset) {
            sum[0] += coefficient * (row + 1) * 1e-3;
          }
        };
    double j =
        loss.lossAndGradient(scratch, input, 0, target, outputs, new SplittableRandom(seed), sink);
    return j + sum[0];
  }

  /** A sink that sums into arrays it owns and allocates nothing. */
  private static final class Summing implements GradientSink {
    final float[] input;
    float total;

    Summing(int dim) {
      input = new float[dim];
    }

    @Override
    public void inputGradient(float[] gradient, int offset) {
      for (int j = 0; j < input.length; j++) {
        input[j] += gradient[offset + j];
      }
    }

    @Override
    public void outputGradient(int row, float coefficient, float[] vector, int offset) {
      total += coefficient;
    }
  }

  @Test
  void allocatesNothingPerCallOnceWarm() {
    assumeTrue(Allocations.supported(), "this JVM cannot count a thread's allocations");
    int[] size = sizes()[sizes().length - 1];
    int words = size[0];
    int dim = size[1];
    Loss loss = create(words, dim);
    SplittableRandom random = new SplittableRandom(13);
    float[] input = uniform(random, dim, 0.5f);
    float[] outputs = uniform(random, loss.outputRows() * dim, 0.5f);
    Loss.Scratch scratch = loss.newScratch();
    Summing sink = new Summing(dim);
    int calls = 20_000;
    // Warm up until the JIT has compiled the call, then measure.
    for (int round = 0; round < 5; round++) {
      for (int c = 0; c < calls; c++) {
        loss.lossAndGradient(scratch, input, 0, c % words, outputs, random, sink);
      }
    }
    long before = Allocations.current();
    for (int c = 0; c < calls; c++) {
      loss.lossAndGradient(scratch, input, 0, c % words, outputs, random, sink);
    }
    long bytes = Allocations.current() - before;
    double perCall = (double) bytes / calls;
    assertTrue(
        perCall < 1.0,
        where(words, dim)
            + ": allocates about "
            + String.format("%.1f", perCall)
            + " bytes per call once warm ("
            + bytes
            + " bytes over "
            + calls
            + " calls); allocate working arrays once in newScratch()");
  }

  @Test
  void describesItselfAndItsParameters() {
    LossProvider provider = provider();
    String name = provider.name();
    assertTrue(
        name != null && ParameterSpec.NAME.matcher(name).matches(),
        "the provider name '" + name + "' must match " + ParameterSpec.NAME.pattern());
    String description = provider.description();
    assertTrue(
        description != null && !description.isBlank() && !description.contains("\n"),
        name + ": the description must be one non-blank line, was '" + description + "'");
    assertNotNull(provider.parameters(), name + ": parameters() must not return null");
    // Every default must be accepted by the factory.
    Parameters defaults = Parameters.defaults(name, provider.parameters());
    assertNotNull(
        provider.create(new LossContext(zipf(10), 4, defaults, sampler(zipf(10)))),
        name + ": create rejected its own default parameters " + defaults);
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> Parameters.resolve(name, provider.parameters(), Map.of("no-such-parameter", "1")),
            name + ": an unknown parameter must be refused");
    assertTrue(unknown.getMessage().contains("no-such-parameter"), unknown.getMessage());
    for (ParameterSpec spec : provider.parameters()) {
      assertFalse(spec.description().isBlank(), name + "." + spec.name() + " needs a description");
      if (spec.type() == dev.w2v.api.ParameterType.STRING) {
        continue;
      }
      Map<String, Object> wrong = new HashMap<>();
      wrong.put(spec.name(), "not-a-" + spec.type().name().toLowerCase(java.util.Locale.ROOT));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Parameters.resolve(name, provider.parameters(), wrong),
              name + "." + spec.name() + ": a value of the wrong type must be refused");
      assertTrue(e.getMessage().contains(name + "." + spec.name()), e.getMessage());
    }
  }
}
