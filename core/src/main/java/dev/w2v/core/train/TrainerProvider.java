package dev.w2v.core.train;

import java.util.List;
import java.util.Map;

/**
 * Creates a {@link Trainer} and says everything about its settings; found by {@link
 * java.util.ServiceLoader} through {@code META-INF/services/dev.w2v.core.train.TrainerProvider}, so
 * that a trainer in its own module (the Spark trainer) is added by putting its jar on the class
 * path, with no change to core or the command line. Needs a public no-argument constructor.
 */
public interface TrainerProvider {

  /** The name users select it by with {@code --trainer}, such as {@code fast}. */
  String name();

  /** One line for {@code --help}. */
  String description();

  /** The keys this trainer reads, with their defaults, in the order {@code --help} lists them. */
  List<Setting> settings();

  /**
   * This trainer's defaults for keys it does not declare: the pipeline's ({@code lowercase}) and
   * plugin parameters ({@code negsampling.k}). Empty by default.
   */
  default Map<String, Object> defaults() {
    return Map.of();
  }

  /**
   * Whether this trainer continues from {@link TrainingRun#startingModel()}; a run that names a
   * starting model is refused for a trainer that does not. False by default, so that a trainer
   * written before continued training existed is never handed a model it would silently ignore.
   */
  default boolean continuesTraining() {
    return false;
  }

  /**
   * Creates a trainer from settings in which every key of {@link #settings()} is present.
   *
   * @throws dev.w2v.core.W2vException naming the key when a value is out of range
   */
  Trainer create(Settings settings);
}
