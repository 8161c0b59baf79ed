package dev.w2v.runner.plugins;

import dev.w2v.api.ApiVersion;
import dev.w2v.core.W2vException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a plugin jar says about itself before any of its classes load: the providers its service
 * files list, the w2v API version it was built against and its own version.
 *
 * @param path the jar
 * @param providers provider class names from its service files
 * @param apiVersion its {@code W2v-Api-Version} manifest attribute, or null when absent
 * @param version its {@code Implementation-Version} manifest attribute, or null when absent
 */
record PluginJar(Path path, List<String> providers, String apiVersion, String version) {

  /** The manifest attribute naming the API version a plugin was built against. */
  static final String API_VERSION_ATTRIBUTE = "W2v-Api-Version";

  private static final List<String> SERVICE_FILES =
      List.of(
          "META-INF/services/dev.w2v.api.LossProvider",
          "META-INF/services/dev.w2v.api.SamplerProvider");

  /**
   * Reads a jar's manifest and service files.
   *
   * @throws InvalidPluginException if it is not a readable jar or lists no provider
   */
  static PluginJar read(Path path) throws InvalidPluginException {
    try (JarFile jar = new JarFile(path.toFile())) {
      List<String> providers = new ArrayList<>();
      for (String name : SERVICE_FILES) {
        var entry = jar.getJarEntry(name);
        if (entry == null) {
          continue;
        }
        String text =
            new String(
                jar.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
          String provider = line.replaceAll("#.*", "").trim();
          if (!provider.isEmpty()) {
            providers.add(provider);
          }
        }
      }
      if (providers.isEmpty()) {
        throw new InvalidPluginException(
            "lists no provider (no META-INF/services/dev.w2v.api.LossProvider or .SamplerProvider entries)");
      }
      Manifest manifest = jar.getManifest();
      Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
      return new PluginJar(
          path,
          List.copyOf(providers),
          main.getValue(API_VERSION_ATTRIBUTE),
          main.getValue(Attributes.Name.IMPLEMENTATION_VERSION));
    } catch (IOException | SecurityException e) {
      throw new InvalidPluginException("is not a readable jar (" + e.getMessage() + ")");
    }
  }

  /**
   * Refuses a jar built against another major API version, or a newer minor one.
   *
   * @throws W2vException naming the plugin, the jar and both versions
   */
  void checkCompatible() {
    if (apiVersion == null) {
      return;
    }
    int major;
    int minor;
    try {
      String[] parts = apiVersion.trim().split("\\.", -1);
      major = Integer.parseInt(parts[0]);
      minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    } catch (NumberFormatException e) {
      throw new W2vException(
          "plugin "
              + providers.get(0)
              + " in "
              + path
              + " states "
              + API_VERSION_ATTRIBUTE
              + " '"
              + apiVersion
              + "', which is not a version such as "
              + ApiVersion.string()
              + "; fix its manifest");
    }
    if (major != ApiVersion.MAJOR) {
      throw new W2vException(
          "plugin "
              + String.join(", ", providers)
              + " in "
              + path
              + " was built against w2v API "
              + apiVersion
              + ", but this w2v provides API "
              + ApiVersion.string()
              + ": refused; use a build of the plugin for API "
              + ApiVersion.MAJOR
              + ".x or remove the jar");
    }
    if (minor > ApiVersion.MINOR) {
      // Minor versions only add: a plugin may call what this w2v does not have yet.
      throw new W2vException(
          "plugin "
              + String.join(", ", providers)
              + " in "
              + path
              + " was built against w2v API "
              + apiVersion
              + ", newer than this w2v's API "
              + ApiVersion.string()
              + ": refused; upgrade w2v or use a build of the plugin for API "
              + ApiVersion.string());
    }
  }

  /** A jar that cannot be a plugin; the message completes "plugin jar PATH ...". */
  static final class InvalidPluginException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPluginException(String message) {
      super(message);
    }
  }
}
