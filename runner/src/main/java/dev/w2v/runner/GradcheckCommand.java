package dev.w2v.runner;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.w2v.api.Loss;
import dev.w2v.api.WordCounts;
import dev.w2v.core.plugin.ConfiguredLoss;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.runner.config.Configuration;
import dev.w2v.runner.plugins.Plugins;
import dev.w2v.testkit.GradientChecker;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code w2v gradcheck}: checks every discovered loss (or the one named by --loss) against centered
 * differences on random data, over several vocabulary sizes and dimensions.
 */
@Command(
    name = "gradcheck",
    mixinStandardHelpOptions = true,
    description =
        "Check the gradients of every loss (or --loss NAME) on random data; exit 1 on a failure.")
final class GradcheckCommand implements Callable<Integer> {

  /** Vocabulary sizes and dimensions checked: small enough to check every coordinate. */
  private static final int[][] CASES = {{5, 3}, {12, 8}, {40, 10}};

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    Injector injector =
        Guice.createInjector(
            new RunnerModule(options, spec.commandLine().getOut(), spec.commandLine().getErr()));
    Plugins plugins = injector.getInstance(Plugins.class);
    Configuration configuration = injector.getInstance(Configuration.class);
    List<String> names =
        options.loss != null
            ? List.of(plugins.losses().get(options.loss).name())
            : plugins.losses().entries().stream().map(e -> e.provider().name()).toList();
    String sampler = configuration.getString("sampler");
    long seed = configuration.getLong("seed");
    PrintWriter out = spec.commandLine().getOut();
    int failures = 0;
    for (String name : names) {
      ConfiguredLoss configured = plugins.configuredLoss(name, sampler, configuration);
      for (int[] c : CASES) {
        GradientChecker.Result result = check(configured, c[0], c[1], seed);
        out.printf("%-14s V=%-3d d=%-3d %s%n", name, c[0], c[1], result.message());
        if (!result.passed()) {
          failures++;
        }
      }
    }
    out.println(failures == 0 ? "all gradients agree" : failures + " check(s) failed");
    out.flush();
    return failures == 0 ? 0 : W2v.CHECK_FAILED;
  }

  private static GradientChecker.Result check(
      ConfiguredLoss configured, int words, int dim, long seed) {
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(seed ^ (words * 31L + dim));
    long[] counts = new long[words];
    for (int i = 0; i < words; i++) {
      counts[i] = 1 + 100 / (i + 1); // Zipf-like, so a unigram sampler repeats the frequent words
    }
    Loss loss = configured.create(WordCounts.of(counts), dim);
    float[] input = uniform(random, dim);
    float[] outputs = uniform(random, loss.outputRows() * dim);
    // Repeated targets: the skip-gram sum over a window may name a word twice.
    int[] targets = {0, words - 1, random.nextInt(words), 0};
    return new GradientChecker().check(loss, input, 0, targets, outputs, random.nextLong());
  }

  private static float[] uniform(Xoshiro256PlusPlus random, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextFloat() - 0.5f;
    }
    return x;
  }
}
