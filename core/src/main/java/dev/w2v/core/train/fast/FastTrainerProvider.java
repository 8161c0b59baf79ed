package dev.w2v.core.train.fast;

import dev.w2v.core.train.Setting;
import dev.w2v.core.train.Settings;
import dev.w2v.core.train.Trainer;
import dev.w2v.core.train.TrainerProvider;
import java.util.List;
import java.util.Map;

/** Provides the {@code fast} trainer: word2vec C's algorithm with Hogwild threads. */
public final class FastTrainerProvider implements TrainerProvider {

  @Override
  public String name() {
    return "fast";
  }

  @Override
  public String description() {
    return "word2vec C's algorithm, skip-gram or CBOW, Hogwild threads, for corpora of any size";
  }

  @Override
  public List<Setting> settings() {
    return FastConfig.SETTINGS;
  }

  /** word2vec C keeps case (and negsampling draws word2vec C's 5 negatives for it). */
  @Override
  public Map<String, Object> defaults() {
    return Map.of("lowercase", false);
  }

  /** It continues a model: the model's words keep their rows, new words are added. */
  @Override
  public boolean continuesTraining() {
    return true;
  }

  @Override
  public Trainer create(Settings settings) {
    return new FastTrainer(
        FastConfig.from(settings), java.time.Duration.ofMillis(250), StepKind.from(settings));
  }
}
