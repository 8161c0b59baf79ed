package dev.w2v.bench;

import dev.w2v.api.BatchedLoss;
import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.Parameters;
import dev.w2v.api.Sampler;
import dev.w2v.api.SamplerProvider;
import dev.w2v.api.WordCounts;
import dev.w2v.core.plugin.ProviderRegistry;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.train.fast.BatchedStep;
import dev.w2v.core.train.fast.Model;
import dev.w2v.core.train.fast.WordStep;
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
 * One skip-gram training step: one center word with its full window of 5 on each side (10 pairs), 5
 * negatives, dimension 100, on a 50,000-word Zipfian vocabulary, with the real {@code negsampling}
 * and {@code unigram} plugins. Parameter {@code step}: {@code pairs} is the fast trainer's {@link
 * WordStep} (10 loss calls of 5 negatives each, the center word's row as input); {@code batched} is
 * {@link BatchedStep}, HogBatch's form (one batched call: the 10 context rows against the center
 * word and 5 negatives shared by the window).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class TrainingStepBenchmark {

  private static final int VOCABULARY = 50_000;
  private static final int SENTENCE = 1000;

  @Param({"100"})
  public int dim;

  @Param({"skipgram"})
  public String model;

  /** Negatives per pair. */
  @Param({"5"})
  public int negatives;

  /** pairs (one loss call per pair) or batched (one call per window). */
  @Param({"pairs", "batched"})
  public String step;

  private WordStep pairs;
  private BatchedStep batched;
  private int[] sentence;
  private int position;

  @Setup
  public void setUp() {
    long[] counts = new long[VOCABULARY];
    for (int i = 0; i < VOCABULARY; i++) {
      counts[i] = 1 + 10_000_000L / (i + 1);
    }
    WordCounts wordCounts = WordCounts.of(counts);
    // The real plugins, found by name as the runner finds them: the boundary is measured too.
    ProviderRegistry<SamplerProvider> samplers =
        ProviderRegistry.load(SamplerProvider.class, "sampler");
    SamplerProvider unigramProvider = samplers.get("unigram");
    Sampler unigram =
        unigramProvider.create(
            wordCounts,
            Parameters.resolve("unigram", unigramProvider.parameters(), Map.of("power", 1.0)));
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(1);
    float[] inputs = new float[VOCABULARY * dim];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = (random.nextFloat() - 0.5f) / dim;
    }
    float[] outputs = new float[VOCABULARY * dim];
    sentence = new int[SENTENCE];
    for (int i = 0; i < SENTENCE; i++) {
      sentence[i] = unigram.sample(random);
    }
    LossProvider negsampling = ProviderRegistry.load(LossProvider.class, "loss").get("negsampling");
    Loss loss =
        negsampling.create(
            new LossContext(
                wordCounts,
                dim,
                Parameters.resolve("negsampling", negsampling.parameters(), Map.of("k", negatives)),
                unigramProvider.create(
                    wordCounts, Parameters.defaults("unigram", unigramProvider.parameters()))));
    if (step.equals("batched")) {
      batched =
          new BatchedStep(
              Model.of(model), (BatchedLoss) loss, inputs, outputs, new float[0][], 5, random);
      batched.learningRate(0.025f);
    } else {
      pairs = new WordStep(Model.of(model), loss, inputs, outputs, random);
    }
    position = 5;
  }

  @Benchmark
  public long oneWordWindow5() {
    long done;
    if (batched != null) {
      batched.trainCenter(sentence, SENTENCE, position, 5);
      done = batched.pairs();
    } else {
      pairs.train(sentence, SENTENCE, position, 5, 0.025f);
      done = pairs.pairs();
    }
    position = position == SENTENCE - 6 ? 5 : position + 1;
    return done;
  }
}
