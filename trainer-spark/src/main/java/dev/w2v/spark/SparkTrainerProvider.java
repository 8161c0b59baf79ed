package dev.w2v.spark;

import dev.w2v.core.train.Setting;
import dev.w2v.core.train.Settings;
import dev.w2v.core.train.Trainer;
import dev.w2v.core.train.TrainerProvider;
import java.util.List;
import java.util.Map;

/**
 * Provides the {@code spark} trainer: word2vec on Apache Spark, with several synchronisation rounds
 * per epoch and Hogwild threads inside each task. Registered through {@code META-INF/services}, so
 * putting this module's jar (and Spark's) on the class path adds it to {@code w2v train}.
 */
public final class SparkTrainerProvider implements TrainerProvider {

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public String description() {
    return "word2vec C's algorithm on Apache Spark: corpora in HDFS or object stores, any loss"
        + " plugin";
  }

  @Override
  public List<Setting> settings() {
    return SparkConfig.SETTINGS;
  }

  /** As the fast trainer: word2vec C keeps case and draws 5 negatives. */
  @Override
  public Map<String, Object> defaults() {
    return Map.of("lowercase", false, "negsampling.k", 5);
  }

  @Override
  public Trainer create(Settings settings) {
    return new SparkTrainer(SparkConfig.from(settings));
  }
}
