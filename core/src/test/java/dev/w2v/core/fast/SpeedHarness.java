package dev.w2v.core.fast;

import dev.w2v.api.VectorMath;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.testing.AliasSampler;
import dev.w2v.core.testing.TestNegativeSamplingLoss;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Measures the fast trainer's words per second (not a unit test; run by hand):
 *
 * <pre>
 * java --add-modules jdk.incubator.vector \
 *   -cp api/target/classes:core/target/classes:core/target/test-classes:$(guava jar) \
 *   dev.w2v.core.fast.SpeedHarness /tmp/zipf.txt [tokens] [threads] [epochs] [model]
 * </pre>
 *
 * Writes a Zipfian random-text corpus (100,000 word types, exponent 1, lines of 1 to 40 words) to
 * the path first if it does not exist. Skip-gram, dim 100, window 5, 5 negatives, sample 1e-3.
 */
public final class SpeedHarness {

  private SpeedHarness() {}

  public static void main(String[] args) throws IOException {
    Path path = Paths.get(args.length > 0 ? args[0] : "/tmp/w2v-zipf.txt");
    long tokens = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Model model = args.length > 4 ? Model.of(args[4]) : Model.SKIPGRAM;
    if (!Files.exists(path)) {
      writeZipf(path, tokens);
    }
    FastConfig config =
        FastConfig.defaults().toBuilder()
            .model(model)
            .threads(threads)
            .epochs(epochs)
            .seed(1)
            .build();
    System.out.println("kernels " + VectorMath.implementation() + ", " + config);
    long t0 = System.nanoTime();
    TrainedVectors v =
        new FastTrainer(config)
            .train(
                List.of(path),
                counts ->
                    new TestNegativeSamplingLoss(
                        counts.size(), config.dimension(), 5, new AliasSampler(counts, 0.75)),
                new FastListener() {
                  @Override
                  public void vocabularyCounted(Vocabulary vocabulary) {
                    System.out.printf(
                        "vocabulary %d words, %d training words, %.1f s%n",
                        vocabulary.size(), vocabulary.trainWords(), (System.nanoTime() - t0) / 1e9);
                  }

                  @Override
                  public void corpusEncoded(EncodedCorpus corpus) {
                    System.out.printf(
                        "encoded %d positions, %.1f s%n",
                        corpus.size(), (System.nanoTime() - t0) / 1e9);
                  }

                  @Override
                  public void progress(FastProgress p) {
                    System.out.printf(
                        "%5.1f%% epoch %d  %,.0f words/s  lr %.5f  loss %.4f  left %s%n",
                        100 * p.fractionDone(),
                        p.epoch(),
                        p.wordsPerSecond(),
                        p.learningRate(),
                        p.recentLoss(),
                        p.remaining());
                  }

                  @Override
                  public void finished(FastProgress p) {
                    StringBuilder perThread = new StringBuilder();
                    for (double w : p.wordsPerSecondPerThread()) {
                      perThread.append(String.format(" %,.0f", w));
                    }
                    System.out.printf(
                        "done in %.2f s: %,.0f words/s overall, per thread:%s%n",
                        p.elapsed().toNanos() / 1e9, p.wordsPerSecond(), perThread);
                  }
                });
    System.out.println("trained " + v.words().size() + " vectors");
  }

  private static void writeZipf(Path path, long tokens) throws IOException {
    int types = 100_000;
    double[] cumulative = new double[types];
    double sum = 0;
    for (int i = 0; i < types; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(2024);
    try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      long written = 0;
      while (written < tokens) {
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
          double u = random.nextDouble() * sum;
          int lo = 0;
          int hi = types - 1;
          while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
              lo = mid + 1;
            } else {
              hi = mid;
            }
          }
          out.write(i == 0 ? "" : " ");
          out.write("w");
          out.write(Integer.toString(lo));
        }
        out.write('\n');
        written += length;
      }
    }
  }
}
