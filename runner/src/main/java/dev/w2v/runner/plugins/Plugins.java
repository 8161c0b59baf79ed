package dev.w2v.runner.plugins;

import dev.w2v.api.LossProvider;
import dev.w2v.api.Plugin;
import dev.w2v.api.SamplerProvider;
import dev.w2v.core.W2vException;
import dev.w2v.core.plugin.ProviderRegistry;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every loss and sampler available to this run: the built-in ones on the class path, and those of
 * each plugin jar found in the plugin folders, each jar with a class loader of its own.
 */
public final class Plugins {

  private final ProviderRegistry<LossProvider> losses;
  private final ProviderRegistry<SamplerProvider> samplers;

  private Plugins(ProviderRegistry<LossProvider> losses, ProviderRegistry<SamplerProvider> samplers) {
    this.losses = losses;
    this.samplers = samplers;
  }

  /**
   * Loads the built-in providers and those of every {@code *.jar} in {@code folders}; a folder
   * that does not exist is skipped (so {@code ./plugins} is optional).
   */
  public static Plugins load(List<Path> folders) {
    List<ClassLoader> loaders = new ArrayList<>();
    ClassLoader application = Plugins.class.getClassLoader();
    loaders.add(application);
    for (Path jar : jars(folders)) {
      try {
        loaders.add(new URLClassLoader(new URL[] {jar.toUri().toURL()}, application));
      } catch (MalformedURLException e) {
        throw new W2vException("cannot load plugin jar " + jar + ": " + e.getMessage());
      }
    }
    return new Plugins(
        ProviderRegistry.load(LossProvider.class, "loss", loaders),
        ProviderRegistry.load(SamplerProvider.class, "sampler", loaders));
  }

  private static List<Path> jars(List<Path> folders) {
    List<Path> jars = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
      } catch (IOException e) {
        throw new W2vException("cannot list plugin folder " + folder + ": " + e.getMessage());
      }
    }
    return jars;
  }

  public ProviderRegistry<LossProvider> losses() {
    return losses;
  }

  public ProviderRegistry<SamplerProvider> samplers() {
    return samplers;
  }

  /** Every provider of both kinds, for configuration keys and listings. */
  public List<Plugin> all() {
    List<Plugin> all = new ArrayList<>();
    losses.entries().forEach(e -> all.add(e.provider()));
    samplers.entries().forEach(e -> all.add(e.provider()));
    return all;
  }
}
