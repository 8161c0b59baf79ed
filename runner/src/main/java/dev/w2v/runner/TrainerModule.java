package dev.w2v.runner;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.w2v.runner.train.Cs224nJob;
import dev.w2v.runner.train.FastJob;
import dev.w2v.runner.train.TrainingJob;

/** The trainers, by the name the {@code trainer} key selects them with. */
final class TrainerModule extends AbstractModule {

  @Override
  protected void configure() {
    MapBinder<String, TrainingJob> trainers =
        MapBinder.newMapBinder(binder(), String.class, TrainingJob.class);
    trainers.addBinding("cs224n").to(Cs224nJob.class);
    trainers.addBinding("fast").to(FastJob.class);
  }
}
