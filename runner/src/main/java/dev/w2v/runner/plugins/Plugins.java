package dev.w2v.runner.plugins;

import dev.w2v.api.LossProvider;
import dev.w2v.api.Plugin;
import dev.w2v.api.SamplerProvider;
import dev.w2v.core.W2vException;
import dev.w2v.core.plugin.ConfiguredLoss;
import dev.w2v.core.plugin.ProviderRegistry;
import dev.w2v.core.train.Settings;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every loss and sampler available to this run: the built-in ones on the class path, and those of
 * each plugin jar found in the plugin folders, each jar with a class loader of its own.
 *
 * <p>A jar that cannot be a plugin (not a jar, no provider, a broken service file, a missing class)
 * is reported in {@link #warnings()} and the others still load. A jar built against another major
 * API version is refused with an error before anything runs.
 */
public final class Plugins {

  private final ProviderRegistry<LossProvider> losses;
  private final ProviderRegistry<SamplerProvider> samplers;
  private final Map<String, PluginJar> jarsByPath;
  private final List<String> warnings;

  private Plugins(
      ProviderRegistry<LossProvider> losses,
      ProviderRegistry<SamplerProvider> samplers,
      Map<String, PluginJar> jarsByPath,
      List<String> warnings) {
    this.losses = losses;
    this.samplers = samplers;
    this.jarsByPath = jarsByPath;
    this.warnings = warnings;
  }

  /**
   * Loads the built-in providers and those of every {@code *.jar} in {@code folders}; a folder that
   * does not exist is skipped (so {@code ./plugins} is optional).
   */
  public static Plugins load(List<Path> folders) {
    List<ClassLoader> loaders = new ArrayList<>();
    ClassLoader application = Plugins.class.getClassLoader();
    loaders.add(application);
    Map<String, PluginJar> jars = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (Path path : jarFiles(folders)) {
      PluginJar jar;
      try {
        jar = PluginJar.read(path);
      } catch (PluginJar.InvalidPluginException e) {
        warnings.add("plugin jar " + path + " " + e.getMessage() + "; skipped");
        continue;
      }
      jar.checkCompatible();
      if (jar.apiVersion() == null) {
        warnings.add(
            "plugin jar "
                + path
                + " does not state the w2v API it was built against (manifest attribute "
                + PluginJar.API_VERSION_ATTRIBUTE
                + "); loading it anyway");
      }
      try {
        loaders.add(
            new URLClassLoader(path.toString(), new URL[] {path.toUri().toURL()}, application));
      } catch (MalformedURLException e) {
        throw new W2vException("cannot load plugin jar " + path + ": " + e.getMessage());
      }
      jars.put(path.toString(), jar);
    }
    ProviderRegistry<LossProvider> losses =
        ProviderRegistry.load(LossProvider.class, "loss", loaders);
    ProviderRegistry<SamplerProvider> samplers =
        ProviderRegistry.load(SamplerProvider.class, "sampler", loaders);
    for (String problem : losses.problems()) {
      warnings.add("plugin problem: " + problem + "; that provider is skipped");
    }
    for (String problem : samplers.problems()) {
      warnings.add("plugin problem: " + problem + "; that provider is skipped");
    }
    return new Plugins(losses, samplers, jars, List.copyOf(warnings));
  }

  private static List<Path> jarFiles(List<Path> folders) {
    List<Path> jars = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.exists(folder)) {
        continue;
      }
      if (!Files.isDirectory(folder)) {
        throw new W2vException(
            "plugin path " + folder + " is not a folder; give a folder of plugin jars");
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

  /**
   * The loss {@code loss} with the sampler {@code sampler}, each with the parameters {@code
   * settings} sets under its name.
   *
   * @throws W2vException naming what is unknown or malformed
   */
  public ConfiguredLoss configuredLoss(String loss, String sampler, Settings settings) {
    LossProvider provider = losses.get(loss);
    return new ConfiguredLoss(
        provider,
        settings.pluginParameters(loss),
        provider.usesSampler() ? samplers.get(sampler) : null,
        settings.pluginParameters(sampler));
  }

  /** Plugin jars that were skipped, and why; one line each. */
  public List<String> warnings() {
    return warnings;
  }

  /** Every provider of both kinds, for configuration keys and listings. */
  public List<Plugin> all() {
    List<Plugin> all = new ArrayList<>();
    losses.entries().forEach(e -> all.add(e.provider()));
    samplers.entries().forEach(e -> all.add(e.provider()));
    return all;
  }

  /** The version of the jar a provider came from; w2v's own version for a built-in one. */
  public String version(String origin) {
    PluginJar jar = jarsByPath.get(origin);
    String version =
        jar != null ? jar.version() : Plugins.class.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  /**
   * The plugin whose classes appear in {@code failure}'s stack, if any: "loss 'hs' (path.jar)".
   * Lets a crash inside a plugin be blamed on it without wrapping every call in the hot loop.
   */
  public Optional<String> blame(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        for (var entry : losses.entries()) {
          if (frame.getClassName().startsWith(entry.provider().getClass().getPackageName() + ".")) {
            return Optional.of("loss '" + entry.provider().name() + "' (" + entry.origin() + ")");
          }
        }
        for (var entry : samplers.entries()) {
          if (frame.getClassName().startsWith(entry.provider().getClass().getPackageName() + ".")) {
            return Optional.of(
                "sampler '" + entry.provider().name() + "' (" + entry.origin() + ")");
          }
        }
      }
    }
    return Optional.empty();
  }
}
