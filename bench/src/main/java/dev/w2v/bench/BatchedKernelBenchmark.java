package dev.w2v.bench;

import dev.w2v.api.BatchedLoss;
import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.Parameters;
import dev.w2v.api.SamplerProvider;
import dev.w2v.api.WordCounts;
import dev.w2v.core.plugin.ProviderRegistry;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batched kernel of the {@code negsampling} plugin on its own: {@code inputs} input rows
 * against one target and 5 negatives, dimension 100, output rows from a 50,000-word matrix (20 MB,
 * so they come from L3 or memory), through a sink that discards the reports. {@code batchedCall} is
 * one {@link BatchedLoss#batchLossAndGradient} call; {@code perPairCalls} the same pairs as {@code
 * inputs} per-pair calls, each drawing its own 5 negatives, as the per-pair step does. Both report
 * ns per call of the method, so the ratio is the kernel's own gain before any update is applied.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class BatchedKernelBenchmark {

  private static final int VOCABULARY = 50_000;
  private static final int DIM = 100;

  /** Inputs per call: a window's context words (2 to 10 for window 5). */
  @Param({"2", "6", "10"})
  public int inputs;

  private BatchedLoss loss;
  private Loss.Scratch scratch;
  private Loss.Scratch pairScratch;
  private float[] inputMatrix;
  private float[] outputs;
  private float[] inputGradients;
  private int[] offsets;
  private int[] targets;
  private Xoshiro256PlusPlus random;
  private int next;

  /** A sink that keeps one float of each report alive and does nothing else. */
  private static final class Discarding implements GradientSink {
    float kept;

    @Override
    public void inputGradient(float[] gradient, int offset) {
      kept += gradient[offset];
    }

    @Override
    public void outputGradient(int row, float coefficient, float[] vector, int offset) {
      kept += coefficient * vector[offset];
    }
  }

  private final Discarding sink = new Discarding();

  @Setup
  public void setUp() {
    long[] counts = new long[VOCABULARY];
    for (int i = 0; i < VOCABULARY; i++) {
      counts[i] = 1 + 10_000_000L / (i + 1);
    }
    WordCounts wordCounts = WordCounts.of(counts);
    SamplerProvider unigram =
        ProviderRegistry.load(SamplerProvider.class, "sampler").get("unigram");
    LossProvider negsampling = ProviderRegistry.load(LossProvider.class, "loss").get("negsampling");
    loss =
        (BatchedLoss)
            negsampling.create(
                new LossContext(
                    wordCounts,
                    DIM,
                    Parameters.resolve("negsampling", negsampling.parameters(), Map.of("k", 5)),
                    unigram.create(
                        wordCounts, Parameters.defaults("unigram", unigram.parameters()))));
    random = new Xoshiro256PlusPlus(1);
    inputMatrix = new float[VOCABULARY * DIM];
    outputs = new float[VOCABULARY * DIM];
    for (int i = 0; i < inputMatrix.length; i++) {
      inputMatrix[i] = (random.nextFloat() - 0.5f) / DIM;
      outputs[i] = (random.nextFloat() - 0.5f) / DIM;
    }
    scratch = loss.newScratch(inputs);
    pairScratch = loss.newScratch();
    inputGradients = new float[inputs * DIM];
    offsets = new int[inputs];
    targets = new int[inputs];
  }

  /** A window's rows: context words near each other in frequency rank, a frequent-ish target. */
  private void nextWindow() {
    next = (next + 7919) % (VOCABULARY - inputs);
    for (int m = 0; m < inputs; m++) {
      offsets[m] = (next + m) * DIM;
      targets[m] = next % 1000;
    }
  }

  @Benchmark
  public double batchedCall() {
    nextWindow();
    return loss.batchLossAndGradient(
        scratch,
        inputMatrix,
        offsets,
        targets,
        inputs,
        outputs,
        Loss.NO_EXTRAS,
        random,
        inputGradients,
        sink);
  }

  @Benchmark
  public double perPairCalls() {
    nextWindow();
    double sum = 0;
    for (int m = 0; m < inputs; m++) {
      sum +=
          loss.lossAndGradient(
              pairScratch,
              inputMatrix,
              offsets[m],
              targets[m],
              outputs,
              Loss.NO_EXTRAS,
              random,
              sink);
    }
    return sum;
  }
}
