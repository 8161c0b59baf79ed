package dev.w2v.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.testing.RealLosses;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.train.TrainingRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode must not hide what a cluster's isolation would change. In {@code local[2]} the two
 * tasks of a round run at the same time in one JVM, where they could share the driver's broadcast
 * model; in {@code local[1]} they run one after the other. Were any task to train on an object
 * another task or the driver also holds, the two would end differently. Each task decodes its own
 * copy of the model, so they end bit for bit alike, as on a cluster.
 */
class SparkIsolationIT {

  @TempDir static Path work;

  private static TrainedModel train(Path corpus, String master, int threads) {
    // The trainer starts and stops its own Spark on the master given: no session is running.
    SparkConfig config = SparkTrainerIT.CONFIG.toBuilder().master(master).threads(threads).build();
    return new SparkTrainer(config)
        .train(
            TrainingRun.builder(
                    CorpusSource.of(corpus, CorpusFormat.TEXT, false),
                    RealLosses.negativeSampling(5))
                .build());
  }

  @Test
  void concurrentTasksInOneJvmEndAsTasksRunOneAfterTheOther() throws Exception {
    Path corpus = PlantedCorpus.write(work.resolve("planted.txt"), 4000, 11);
    TrainedModel sequential = train(corpus, "local[1]", 1);
    TrainedModel concurrent = train(corpus, "local[2]", 1);
    assertArrayEquals(sequential.input(), concurrent.input());
    assertArrayEquals(sequential.output(), concurrent.output());
    assertTrue(PlantedCorpus.neighbourAccuracy(concurrent) >= 0.9);
  }

  @Test
  void hogwildThreadsInsideATaskLearnToo() throws Exception {
    Path corpus = PlantedCorpus.write(work.resolve("planted2.txt"), 4000, 12);
    TrainedModel hogwild = train(corpus, "local[2]", 2);
    assertTrue(hogwild.summary().contains("2 tasks x 2 threads"), hogwild.summary());
    assertTrue(PlantedCorpus.neighbourAccuracy(hogwild) >= 0.9);
  }
}
