package dev.w2v.spark;

import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.SamplerProvider;
import dev.w2v.api.WordCounts;
import dev.w2v.core.W2vException;
import dev.w2v.core.corpus.SubSampling;
import dev.w2v.core.plugin.ConfiguredLoss;
import dev.w2v.core.plugin.ProviderRegistry;
import dev.w2v.core.train.fast.StepKind;
import java.io.Serializable;
import java.util.List;

/**
 * What every task of a run needs besides the round's model, built once on the driver and broadcast
 * once: the word counts, the sub-sampling table, the sampler's alias table, the loss by name and
 * the global learning-rate schedule.
 */
final class RunContext implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long[] counts;
  private final SubSampling subSampling;
  private final AliasSampler sampler;
  private final ConfiguredLoss.Recipe loss;
  private final SparkConfig config;
  private final int threads;
  private final StepKind step;
  private final long[] roundWords;

  /**
   * The loss made on this JVM. An executor deserialises a broadcast value once for all its tasks,
   * so the tasks of a run share one loss per executor, as the contract allows (a loss holds no
   * mutable state); the plugin lookup and the loss's own tables are not redone in every task.
   */
  private transient volatile Loss made;

  RunContext(
      long[] counts,
      SubSampling subSampling,
      AliasSampler sampler,
      ConfiguredLoss.Recipe loss,
      SparkConfig config,
      int threads,
      StepKind step,
      long[] roundWords) {
    this.counts = counts;
    this.subSampling = subSampling;
    this.sampler = sampler;
    this.loss = loss;
    this.config = config;
    this.threads = threads;
    this.step = step;
    this.roundWords = roundWords;
  }

  SubSampling subSampling() {
    return subSampling;
  }

  SparkConfig config() {
    return config;
  }

  int threads() {
    return threads;
  }

  /** The step kind, resolved on the driver for the configured model and loss. */
  StepKind step() {
    return step;
  }

  long[] roundWords() {
    return roundWords;
  }

  /** Words of one epoch. */
  long epochWords() {
    long n = 0;
    for (long w : roundWords) {
      n += w;
    }
    return n;
  }

  /** Words of the whole run. */
  long totalWords() {
    return epochWords() * config.epochs();
  }

  /** Words trained before global round {@code round} starts. */
  long wordsBefore(int round) {
    int rounds = config.rounds();
    long n = (long) (round / rounds) * epochWords();
    for (int r = 0; r < round % rounds; r++) {
      n += roundWords[r];
    }
    return n;
  }

  /**
   * word2vec C's schedule over global word progress: lr (1 - done / (total + 1)), at least lr 1e-4.
   */
  float learningRate(double done) {
    double start = config.learningRate();
    return (float) Math.max(start * (1 - done / (totalWords() + 1)), start * 1e-4);
  }

  /**
   * The loss, made where this runs: its provider looked up by name among those this thread's class
   * loader sees (on an executor, w2v's jar and the plugin jars the driver shipped), given the
   * broadcast sampler.
   *
   * @throws W2vException naming the plugin if it is missing here or refuses the vocabulary
   */
  Loss loss() {
    Loss l = made;
    if (l == null) {
      synchronized (this) {
        l = made;
        if (l == null) {
          l = createLoss();
          made = l;
        }
      }
    }
    return l;
  }

  private Loss createLoss() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = RunContext.class.getClassLoader();
    }
    ConfiguredLoss configured =
        loss.resolve(
            ProviderRegistry.load(LossProvider.class, "loss", List.of(loader)),
            ProviderRegistry.load(SamplerProvider.class, "sampler", List.of(loader)));
    try {
      return configured
          .lossProvider()
          .create(
              new LossContext(
                  WordCounts.of(counts), config.dimension(), configured.lossParameters(), sampler));
    } catch (RuntimeException e) {
      throw new W2vException(
          "loss '" + loss.loss() + "' could not be created on an executor: " + e.getMessage(), e);
    }
  }
}
