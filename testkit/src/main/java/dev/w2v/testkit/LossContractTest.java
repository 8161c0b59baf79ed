package dev.w2v.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.w2v.api.BatchedLoss;
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

  /**
   * Whether the provider is meant to be found through {@code ServiceLoader}, so that its listing in
   * {@code META-INF/services} is checked. Only a kit's own test doubles say no.
   */
  protected boolean registeredAsAService() {
    return true;
  }

  private Loss create(int words, int dim, Sampler sampler) {
    LossProvider provider = provider();
    Parameters parameters =
        Parameters.resolve(provider.name(), provider.parameters(), parameters());
    // A loss that says it draws nothing gets no sampler, as a trainer gives it none.
    Loss loss =
        provider.create(
            new LossContext(zipf(words), dim, parameters, provider.usesSampler() ? sampler : null));
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
  void newScratchGivesEachThreadWorkingMemoryOfItsOwn() {
    Loss loss = create(5, 3);
    Loss.Scratch first = loss.newScratch();
    Loss.Scratch second = loss.newScratch();
    assertNotNull(first, provider().name() + ": newScratch() returned null");
    assertTrue(
        first != second,
        provider().name()
            + ": newScratch() returned the same object twice; every training thread needs its own,"
            + " or two threads overwrite each other's work");
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
        // Both threads start every case together, so that a loss keeping state in its fields is
        // caught even on a loaded machine where free-running threads seldom overlap.
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        for (int t = 0; t < 2; t++) {
          // The threads work on different cases at the same moment: the same case on both would
          // write the same values into shared state and hide it.
          int shift = t * cases / 2;
          futures[t] =
              pool.submit(
                  () -> {
                    Loss.Scratch own = loss.newScratch();
                    for (int i = 0; i < cases; i++) {
                      int c = (i + shift) % cases;
                      together.await(10, java.util.concurrent.TimeUnit.SECONDS);
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
        AssertionError failed = null;
        Exception other = null;
        for (Future<?> f : futures) {
          try {
            f.get();
          } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
              failed = a;
              together.reset(); // lets the other thread out of the barrier
            } else if (other == null) {
              other = e;
            }
          }
        }
        if (failed != null) {
          throw failed;
        }
        if (other != null) {
          throw other;
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
    // Measure round after round: the first rounds run interpreted or in C1 (where the Vector API
    // allocates) until C2 has compiled the call, which on a loaded machine takes a while. A loss
    // that allocates does so in every round.
    long bytes = Long.MAX_VALUE;
    for (int round = 0; round < 30 && bytes >= calls; round++) {
      long before = Allocations.current();
      for (int c = 0; c < calls; c++) {
        loss.lossAndGradient(scratch, input, 0, c % words, outputs, random, sink);
      }
      bytes = Allocations.current() - before;
    }
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
  void isListedInItsServiceFileSoThatW2vFindsIt() throws java.io.IOException {
    assumeTrue(registeredAsAService(), "a test double, not a service");
    String className = provider().getClass().getName();
    String file = "META-INF/services/" + LossProvider.class.getName();
    java.util.Set<String> listed = new java.util.TreeSet<>();
    for (java.net.URL url :
        java.util.Collections.list(provider().getClass().getClassLoader().getResources(file))) {
      try (var in = url.openStream()) {
        for (String line :
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          String entry = line.replaceAll("#.*", "").trim();
          if (!entry.isEmpty()) {
            listed.add(entry);
          }
        }
      }
    }
    assertTrue(
        listed.contains(className),
        provider().name()
            + ": "
            + className
            + " is not listed in any "
            + file
            + " (found: "
            + listed
            + "); w2v finds providers through ServiceLoader only: add the class's name as a"
            + " line of src/main/resources/"
            + file);
  }

  @Test
  void implementsOneOfTheTwoLossAndGradientMethods() {
    Loss loss = create(5, 3);
    try {
      loss.lossAndGradient(
          loss.newScratch(),
          new float[3],
          0,
          1,
          new float[loss.outputRows() * 3],
          extrasOf(loss),
          new SplittableRandom(1),
          new DenseGradient(3, loss.outputRows(), sizes(loss)));
    } catch (StackOverflowError e) {
      fail(
          provider().name()
              + ": neither lossAndGradient method is implemented (each default calls the other):"
              + " implement the seven-argument one, or the eight-argument one for a loss with"
              + " extraParameters()");
    }
  }

  /** The loss's own parameters at their initial values. */
  private static float[][] extrasOf(Loss loss) {
    float[][] extras = new float[loss.extraParameters().size()][];
    for (int b = 0; b < extras.length; b++) {
      extras[b] = new float[loss.extraParameters().get(b).size()];
      Arrays.fill(extras[b], loss.extraParameters().get(b).initialValue());
    }
    return extras;
  }

  private static int[] sizes(Loss loss) {
    return loss.extraParameters().stream().mapToInt(dev.w2v.api.ParameterBlock::size).toArray();
  }

  /**
   * Draws from a short list of words, mostly repeats and the target, through the generator it is
   * given (so that a gradient check's repeated evaluations see the same draws).
   */
  private static final class Scripted implements Sampler {
    private final int size;
    private final int[] cycle;

    Scripted(int size, int... cycle) {
      this.size = size;
      this.cycle = cycle;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public int sample(RandomGenerator random) {
      return cycle[random.nextInt(cycle.length)];
    }

    @Override
    public double probability(int word) {
      long hits = Arrays.stream(cycle).filter(w -> w == word).count();
      return hits / (double) cycle.length;
    }
  }

  @Test
  void repeatedDrawsAndADrawOfTheTargetKeepTheGradientRight() {
    assumeTrue(provider().usesSampler(), "the loss draws no words");
    for (int[] size : sizes()) {
      int words = Math.max(size[0], 8);
      int dim = size[1];
      // The target (3) is drawn first, then word 5 three times in a row, then others.
      Loss loss = create(words, dim, new Scripted(words, 3, 5, 5, 5, 3, 7, 5, 1));
      SplittableRandom random = new SplittableRandom(words * 7L + dim);
      GradientChecker.Result result =
          new GradientChecker()
              .check(
                  loss,
                  uniform(random, dim, 0.5f),
                  0,
                  new int[] {3, 3, 5},
                  uniform(random, loss.outputRows() * dim, 0.5f),
                  23);
      if (!result.passed()) {
        fail(
            where(words, dim)
                + " with repeated draws and the target drawn: "
                + result.message()
                + ". Report each draw, the same row as often as it is drawn, and redraw or"
                + " skip a draw of the target itself.");
      }
    }
  }

  @Test
  void aSamplerThatOnlyDrawsTheTargetGivesAnErrorNotAHang() {
    assumeTrue(provider().usesSampler(), "the loss draws no words");
    Loss loss = create(8, 3, new Scripted(8, 4));
    float[] outputs = new float[loss.outputRows() * 3];
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(10),
        () -> {
          try {
            double j =
                loss.lossAndGradient(
                    loss.newScratch(),
                    new float[] {0.1f, 0.2f, 0.3f},
                    0,
                    4,
                    outputs,
                    extrasOf(loss),
                    new SplittableRandom(2),
                    new DenseGradient(3, loss.outputRows(), sizes(loss)));
            assertTrue(Double.isFinite(j), "loss " + j);
          } catch (RuntimeException e) {
            assertNotNull(e.getMessage(), "an error without a message: " + e);
          }
        },
        provider().name()
            + ": a sampler that can only draw the target made the loss loop for 10 s; bound"
            + " the redraws and fail with a message");
  }

  @Test
  void repeatedDrawsUnderASinkThatAppliesEachReportAtOnceStayFinite() {
    assumeTrue(provider().usesSampler(), "the loss draws no words");
    int dim = sizes()[sizes().length - 1][1];
    Loss loss = create(10, dim, new Scripted(10, 3, 5, 5, 5, 3, 7));
    SplittableRandom random = new SplittableRandom(9);
    float[] input = uniform(random, dim, 0.5f);
    float[] live = uniform(random, loss.outputRows() * dim, 0.5f);
    float[][] extras = extrasOf(loss);
    double[] seen = new double[dim];
    GradientSink applying =
        new GradientSink() {
          @Override
          public void inputGradient(float[] gradient, int offset) {
            for (int j = 0; j < dim; j++) {
              seen[j] = gradient[offset + j];
            }
          }

          @Override
          public void outputGradient(int row, float coefficient, float[] vector, int offset) {
            for (int j = 0; j < dim; j++) {
              live[row * dim + j] -= 0.5f * coefficient * vector[offset + j];
            }
          }

          @Override
          public void extraGradient(int block, int index, float gradient) {
            extras[block][index] -= 0.5f * gradient;
          }
        };
    for (int target : new int[] {5, 3, 5}) {
      double j =
          loss.lossAndGradient(
              loss.newScratch(), input, 0, target, live, extras, new SplittableRandom(3), applying);
      assertTrue(Double.isFinite(j), provider().name() + ": the loss became " + j);
      for (double g : seen) {
        assertTrue(Double.isFinite(g), provider().name() + ": a gradient became " + g);
      }
    }
  }

  /** A loss's batched form, or a skipped check for a loss without one. */
  private BatchedLoss batched(Loss loss) {
    assumeTrue(
        loss instanceof BatchedLoss, provider().name() + " has no batched form (BatchedLoss)");
    return (BatchedLoss) loss;
  }

  /** What a batched call returned and reported, and what the per-pair calls would have. */
  private static final class BatchOutcome {
    double loss;
    float[] inputGradients;
    DenseGradient rows;
  }

  private static BatchOutcome runBatch(
      BatchedLoss loss,
      float[] inputs,
      int[] offsets,
      int[] targets,
      float[] outputs,
      float[][] extras,
      long seed,
      GradientSink sink) {
    int d = loss.dimension();
    BatchOutcome o = new BatchOutcome();
    o.inputGradients = new float[targets.length * d];
    o.rows = new DenseGradient(d, loss.outputRows(), sizes(loss));
    o.loss =
        loss.batchLossAndGradient(
            loss.newScratch(targets.length + 2),
            inputs,
            offsets,
            targets,
            targets.length,
            outputs,
            extras,
            new SplittableRandom(seed),
            o.inputGradients,
            sink == null ? o.rows : sink);
    return o;
  }

  /**
   * Compares one batched call with the per-pair calls of its inputs, each from the same generator
   * state and the same parameters, and fails with what differs.
   */
  private void assertBatchMatchesPairs(
      BatchedLoss loss, String context, int[] offsets, int[] targets, SplittableRandom data) {
    int d = loss.dimension();
    float[] inputs = uniform(data, (offsets.length + 1) * d, 0.5f);
    float[] outputs = uniform(data, loss.outputRows() * d, 0.5f);
    float[][] extras = extrasOf(loss);
    float[] inputsBefore = inputs.clone();
    long seed = data.nextLong();
    BatchOutcome batch = runBatch(loss, inputs, offsets, targets, outputs, extras, seed, null);
    assertTrue(
        Arrays.equals(inputs, inputsBefore),
        context
            + ": the batched call wrote to its inputs; write their gradients to inputGradients");
    double pairLoss = 0;
    DenseGradient pairRows = new DenseGradient(d, loss.outputRows(), sizes(loss));
    for (int m = 0; m < targets.length; m++) {
      DenseGradient one = new DenseGradient(d, loss.outputRows(), sizes(loss));
      pairLoss +=
          loss.lossAndGradient(
              loss.newScratch(),
              inputs,
              offsets[m],
              targets[m],
              outputs,
              extras,
              new SplittableRandom(seed),
              one);
      for (int j = 0; j < d; j++) {
        double expected = one.input(j);
        double got = batch.inputGradients[m * d + j];
        if (Math.abs(expected - got) > 1e-5 * (1 + Math.abs(expected))) {
          fail(
              context
                  + ": dJ/d(input "
                  + m
                  + ")["
                  + j
                  + "] is "
                  + got
                  + " batched but "
                  + expected
                  + " per pair; an input's gradient sums its target's and every shared negative's"
                  + " row, taken before any row moved");
        }
      }
      // The per-pair calls' row reports summed over the inputs, which is what the batch reports.
      loss.lossAndGradient(
          loss.newScratch(),
          inputs,
          offsets[m],
          targets[m],
          outputs,
          extras,
          new SplittableRandom(seed),
          pairRows);
    }
    assertEquals(
        pairLoss,
        batch.loss,
        1e-5 * (1 + Math.abs(pairLoss)),
        context + ": the batched loss must be the sum of the per-pair losses");
    double[] expected = pairRows.outputs();
    double[] got = batch.rows.outputs();
    for (int i = 0; i < expected.length; i++) {
      if (Math.abs(expected[i] - got[i]) > 1e-5 * (1 + Math.abs(expected[i]))) {
        fail(
            context
                + ": dJ/d(output row "
                + i / d
                + ")["
                + i % d
                + "] is "
                + got[i]
                + " batched but "
                + expected[i]
                + " summed over the per-pair calls; a shared row's gradient sums every input's"
                + " share (each input once per occurrence), and the draws must be those one"
                + " per-pair call makes from the same generator state");
      }
    }
  }

  @Test
  void aBatchedCallEqualsThePerPairCallsOfItsInputs() {
    batched(create(5, 3));
    for (int[] size : sizes()) {
      int words = size[0];
      int dim = size[1];
      BatchedLoss loss = batched(create(words, dim));
      SplittableRandom data = new SplittableRandom(words * 31L + dim);
      // Skip-gram's shape: a window's context words, one of them twice, against the center word.
      for (int count : new int[] {1, 2, 5, 9}) {
        int[] offsets = new int[count];
        int[] targets = new int[count];
        for (int m = 0; m < count; m++) {
          offsets[m] = (m == 3 ? 1 : m) * dim;
          targets[m] = words - 1;
        }
        assertBatchMatchesPairs(
            loss,
            where(words, dim) + ", " + count + " inputs sharing target " + (words - 1),
            offsets,
            targets,
            data);
      }
    }
  }

  @Test
  void aBatchedCallWithATargetPerInputEqualsThePerPairCalls() {
    batched(create(5, 3));
    assumeTrue(provider().usesSampler(), "the loss draws no words");
    for (int[] size : sizes()) {
      int words = Math.max(size[0], 8);
      int dim = size[1];
      // Several windows at once (CBOW's shape): targets that differ and repeat, and a sampler that
      // never draws one of them, so that each per-pair call draws exactly the batch's negatives.
      BatchedLoss loss = batched(create(words, dim, new Scripted(words, 3, 5, 5, 7, 4)));
      int[] targets = {0, 1, 1, 2, 0};
      int[] offsets = {0, dim, 2 * dim, 3 * dim, dim};
      assertBatchMatchesPairs(
          loss,
          where(words, dim) + ", targets " + Arrays.toString(targets),
          offsets,
          targets,
          new SplittableRandom(words + 7L * dim));
    }
  }

  @Test
  void aBatchedCallReadsEveryRowBeforeReportingIt() {
    batched(create(5, 3));
    int words = 60;
    for (int[] size : sizes()) {
      int dim = size[1];
      BatchedLoss loss = batched(create(words, dim, new Distinct(words)));
      SplittableRandom data = new SplittableRandom(17);
      float[] inputs = uniform(data, 6 * dim, 0.5f);
      float[] outputs = uniform(data, loss.outputRows() * dim, 0.5f);
      int[] offsets = {0, dim, 2 * dim, 3 * dim, 4 * dim, 5 * dim};
      int[] targets = {7, 7, 7, 7, 7, 7};
      float[][] extras = extrasOf(loss);
      BatchOutcome expected =
          runBatch(loss, inputs, offsets, targets, outputs.clone(), extras, 3, null);
      float[] live = outputs.clone();
      GradientSink poisoning =
          new GradientSink() {
            @Override
            public void inputGradient(float[] gradient, int offset) {
              fail(provider().name() + ": a batched call reported an input gradient to the sink");
            }

            @Override
            public void outputGradient(int row, float coefficient, float[] vector, int offset) {
              Arrays.fill(live, row * dim, (row + 1) * dim, Float.NaN);
            }

            @Override
            public void extraGradient(int block, int index, float gradient) {}
          };
      BatchedLoss fresh = batched(create(words, dim, new Distinct(words)));
      BatchOutcome got = runBatch(fresh, inputs, offsets, targets, live, extras, 3, poisoning);
      String context = where(words, dim) + ", batched, under a sink that applies each report";
      assertFalse(Double.isNaN(got.loss), context + ": the loss read a row after its report");
      for (int i = 0; i < got.inputGradients.length; i++) {
        assertEquals(
            expected.inputGradients[i],
            got.inputGradients[i],
            1e-6 * Math.max(1, Math.abs(expected.inputGradients[i])),
            context
                + ": an input gradient used a row after that row was reported; compute every"
                + " input's gradient before the first report");
      }
    }
  }

  @Test
  void aBatchedCallAllocatesNothingOnceWarm() {
    batched(create(5, 3));
    assumeTrue(Allocations.supported(), "this JVM cannot count a thread's allocations");
    int[] size = sizes()[sizes().length - 1];
    int words = size[0];
    int dim = size[1];
    BatchedLoss loss = batched(create(words, dim));
    SplittableRandom random = new SplittableRandom(13);
    float[] inputs = uniform(random, 10 * dim, 0.5f);
    float[] outputs = uniform(random, loss.outputRows() * dim, 0.5f);
    float[][] extras = extrasOf(loss);
    int[] offsets = new int[10];
    int[] targets = new int[10];
    for (int m = 0; m < 10; m++) {
      offsets[m] = m * dim;
    }
    float[] inputGradients = new float[10 * dim];
    Loss.Scratch scratch = loss.newScratch(10);
    Summing sink = new Summing(dim);
    int calls = 10_000;
    long bytes = Long.MAX_VALUE;
    for (int round = 0; round < 30 && bytes >= calls; round++) {
      long before = Allocations.current();
      for (int c = 0; c < calls; c++) {
        Arrays.fill(targets, c % words);
        loss.batchLossAndGradient(
            scratch,
            inputs,
            offsets,
            targets,
            1 + c % 10,
            outputs,
            extras,
            random,
            inputGradients,
            sink);
      }
      bytes = Allocations.current() - before;
    }
    assertTrue(
        bytes < calls,
        where(words, dim)
            + ": a batched call allocates about "
            + String.format("%.1f", (double) bytes / calls)
            + " bytes once warm; allocate working arrays once in newScratch(maxInputs)");
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
    for (String trainer : java.util.List.of("cs224n", "fast", "spark")) {
      Map<String, Object> forTrainer = provider.defaults(trainer);
      assertNotNull(forTrainer, name + ": defaults(" + trainer + ") must not return null");
      Parameters.resolve(name, provider.parameters(), forTrainer);
    }
    // Every default must be accepted by the factory.
    Parameters defaults = Parameters.defaults(name, provider.parameters());
    assertNotNull(
        provider.create(
            new LossContext(
                zipf(10), 4, defaults, provider.usesSampler() ? sampler(zipf(10)) : null)),
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
