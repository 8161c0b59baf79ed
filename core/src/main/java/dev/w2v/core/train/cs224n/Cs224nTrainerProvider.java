package dev.w2v.core.train.cs224n;

import dev.w2v.core.train.Setting;
import dev.w2v.core.train.Settings;
import dev.w2v.core.train.Trainer;
import dev.w2v.core.train.TrainerProvider;
import java.util.List;

/** Provides the {@code cs224n} trainer: the course's batched SGD, for learning. */
public final class Cs224nTrainerProvider implements TrainerProvider {

  @Override
  public String name() {
    return "cs224n";
  }

  @Override
  public String description() {
    return "CS224n's batched SGD on skip-gram, faithful to the course (for learning)";
  }

  @Override
  public List<Setting> settings() {
    return Cs224nConfig.SETTINGS;
  }

  @Override
  public Trainer create(Settings settings) {
    return new Cs224nTrainer(Cs224nConfig.from(settings));
  }
}
