package dev.w2v.core.train;

import dev.w2v.core.plugin.ProviderRegistry;
import java.util.Collection;
import java.util.List;

/**
 * Every trainer on the class path, by name: the built-in {@code cs224n} and {@code fast}, and any
 * module that registers a {@link TrainerProvider} (the Spark trainer). The one list the command
 * line's {@code --trainer}, its defaults and its help come from.
 */
public final class Trainers {

  private final ProviderRegistry<TrainerProvider> registry;

  private Trainers(ProviderRegistry<TrainerProvider> registry) {
    this.registry = registry;
  }

  /** The trainers visible from {@code loaders}. */
  public static Trainers load(Collection<ClassLoader> loaders) {
    return new Trainers(
        ProviderRegistry.load(TrainerProvider.class, "trainer", loaders, TrainerProvider::name));
  }

  /** The trainers visible from core's own class loader. */
  public static Trainers load() {
    return load(List.of(Trainers.class.getClassLoader()));
  }

  /**
   * The trainer called {@code name}.
   *
   * @throws dev.w2v.core.W2vException naming every trainer available
   */
  public TrainerProvider get(String name) {
    return registry.get(name);
  }

  /** Every trainer, sorted by name. */
  public List<TrainerProvider> all() {
    return registry.entries().stream().map(ProviderRegistry.Entry::provider).toList();
  }

  /** Service files that could not be loaded, one line each. */
  public List<String> problems() {
    return registry.problems();
  }
}
