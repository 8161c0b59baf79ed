package dev.w2v.core.plugin;

import dev.w2v.api.ParameterSpec;
import dev.w2v.api.Plugin;
import dev.w2v.core.W2vException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The providers of one kind (losses or samplers) found through {@link ServiceLoader}, by name.
 *
 * <p>Like Lucene's named SPIs: names are validated, an unknown name fails with a message listing
 * every name available, and, stricter than Lucene, two providers with the same name are an error
 * naming both classes. Several class loaders can be searched, so plugin jars loaded from a folder
 * join the built-in providers.
 *
 * @param <P> the provider interface, such as {@link dev.w2v.api.LossProvider}
 */
public final class ProviderRegistry<P> {

  /**
   * A provider and where it was loaded from.
   *
   * @param origin {@link #BUILT_IN} for a provider on w2v's own class path, else the path of the
   *     jar (or folder) its class came from
   */
  public record Entry<P>(P provider, String origin) {}

  /** The origin of a provider on w2v's own class path. */
  public static final String BUILT_IN = "built in";

  private final String kind;
  private final Map<String, Entry<P>> byName;
  private final List<String> problems;

  private ProviderRegistry(String kind, Map<String, Entry<P>> byName, List<String> problems) {
    this.kind = kind;
    this.byName = Collections.unmodifiableMap(byName);
    this.problems = List.copyOf(problems);
  }

  /**
   * Finds every provider of {@code type} visible from {@code loaders} (in order; a provider class
   * seen through several loaders counts once).
   *
   * @param kind what users call such a provider, for messages: "loss" or "sampler"
   * @throws W2vException if a provider's name is invalid or two providers share a name
   */
  public static <P extends Plugin> ProviderRegistry<P> load(
      Class<P> type, String kind, Collection<ClassLoader> loaders) {
    return load(type, kind, loaders, Plugin::name);
  }

  /**
   * Like {@link #load(Class, String, Collection)} for providers that name themselves another way
   * (trainers).
   */
  public static <P> ProviderRegistry<P> load(
      Class<P> type,
      String kind,
      Collection<ClassLoader> loaders,
      Function<? super P, String> naming) {
    Map<String, Entry<P>> byName = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    Set<Class<?>> seen = new LinkedHashSet<>();
    for (ClassLoader loader : loaders) {
      String where =
          loader == ProviderRegistry.class.getClassLoader() || loader.getName() == null
              ? ""
              : loader.getName() + ": ";
      Iterator<P> it = ServiceLoader.load(type, loader).iterator();
      while (true) {
        P provider;
        try {
          if (!it.hasNext()) {
            break;
          }
          provider = it.next();
        } catch (ServiceConfigurationError | LinkageError e) {
          // A broken plugin must not hide the working ones; the runner reports these.
          problems.add(where + describe(e));
          continue;
        }
        if (!seen.add(provider.getClass())) {
          continue;
        }
        register(kind, byName, provider, naming.apply(provider));
      }
    }
    return new ProviderRegistry<>(kind, byName, problems);
  }

  /** Finds every provider of {@code type} visible from this class's own loader. */
  public static <P extends Plugin> ProviderRegistry<P> load(Class<P> type, String kind) {
    return load(type, kind, List.of(ProviderRegistry.class.getClassLoader()));
  }

  private static String describe(Throwable e) {
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      message.append(": ").append(cause);
    }
    return message.toString();
  }

  private static <P> void register(
      String kind, Map<String, Entry<P>> byName, P provider, String name) {
    String className = provider.getClass().getName();
    if (name == null || !ParameterSpec.NAME.matcher(name).matches()) {
      throw new W2vException(
          kind
              + " provider "
              + className
              + " ("
              + originOf(provider)
              + ") has an invalid name '"
              + name
              + "': names must match "
              + ParameterSpec.NAME.pattern());
    }
    Entry<P> previous = byName.get(name);
    if (previous != null) {
      throw new W2vException(
          "two "
              + kind
              + " providers are named '"
              + name
              + "': "
              + previous.provider().getClass().getName()
              + " ("
              + previous.origin()
              + ") and "
              + className
              + " ("
              + originOf(provider)
              + "); remove one of them");
    }
    byName.put(name, new Entry<>(provider, originOf(provider)));
  }

  /** Where a provider's class was loaded from: "built in", or a jar or folder path. */
  static String originOf(Object provider) {
    if (provider.getClass().getClassLoader() == ProviderRegistry.class.getClassLoader()) {
      return BUILT_IN;
    }
    CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "unknown location";
    }
    try {
      return Path.of(source.getLocation().toURI()).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }

  /**
   * The provider named {@code name}.
   *
   * @throws UnknownProviderException naming the kind, the name asked for and every name available
   */
  public P get(String name) {
    Entry<P> entry = byName.get(name);
    if (entry == null) {
      String available =
          byName.isEmpty()
              ? "no " + kind + " providers were found on the class path"
              : "available: " + String.join(", ", byName.keySet());
      throw new UnknownProviderException("unknown " + kind + " '" + name + "'; " + available);
    }
    return entry.provider();
  }

  /** Every provider with its origin, sorted by name. */
  public List<Entry<P>> entries() {
    return List.copyOf(byName.values());
  }

  /** Every provider name, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }

  /** What users call this kind of provider: "loss" or "sampler". */
  public String kind() {
    return kind;
  }

  /**
   * Service files or provider classes that could not be loaded, one message each. Loading goes on
   * past them so that one broken plugin does not disable the others.
   */
  public List<String> problems() {
    return problems;
  }

  @Override
  public String toString() {
    return byName.keySet().stream().collect(Collectors.joining(", ", kind + " providers [", "]"));
  }
}
