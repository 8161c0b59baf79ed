package dev.w2v.runner.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars for tests: compiles a loss provider's source against the test class path,
 * so its classes exist only in the jar and load through the jar's own class loader.
 */
final class PluginJarFactory {

  private final Path work;

  PluginJarFactory(Path work) {
    this.work = work;
  }

  /** Source of a loss provider {@code pkg.Provider} named {@code name}. */
  static String lossProvider(String pkg, String name, String extraConstructorCode) {
    return "package "
        + pkg
        + ";\n"
        + "import dev.w2v.api.*;\n"
        + "import java.util.List;\n"
        + "public final class Provider implements LossProvider {\n"
        + "  public Provider() { "
        + extraConstructorCode
        + " }\n"
        + "  public String name() { return \""
        + name
        + "\"; }\n"
        + "  public String description() { return \"test loss "
        + name
        + "\"; }\n"
        + "  public List<ParameterSpec> parameters() { return List.of(); }\n"
        + "  public Loss create(LossContext c) { throw new UnsupportedOperationException(); }\n"
        + "}\n";
  }

  /**
   * Compiles {@code sources} (class name to source) and writes a jar with the given service entries
   * and manifest attributes, leaving out the classes named in {@code omit}.
   */
  Path jar(
      String fileName,
      Map<String, String> sources,
      Map<String, String> services,
      Map<String, String> manifest,
      List<String> omit) {
    try {
      Path src = Files.createTempDirectory(work, "src");
      Path classes = Files.createTempDirectory(work, "classes");
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
      }
      if (!sources.isEmpty()) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args =
            new java.util.ArrayList<>(
                List.of(
                    "-d",
                    classes.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-nowarn"));
        try (Stream<Path> files = Files.walk(src)) {
          files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        if (compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
          throw new IllegalStateException("test plugin did not compile");
        }
      }
      Manifest mf = new Manifest();
      mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
      Path jar = work.resolve(fileName);
      Files.createDirectories(jar.getParent());
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream jarOut = new JarOutputStream(out, mf);
          Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String entry = classes.relativize(file).toString().replace('\\', '/');
          String className = entry.replace('/', '.').replaceAll("\\.class$", "");
          if (omit.contains(className)) {
            continue;
          }
          jarOut.putNextEntry(new JarEntry(entry));
          jarOut.write(Files.readAllBytes(file));
          jarOut.closeEntry();
        }
        for (Map.Entry<String, String> service : services.entrySet()) {
          jarOut.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
          jarOut.write(service.getValue().getBytes(StandardCharsets.UTF_8));
          jarOut.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A well-formed plugin jar with one loss provider named {@code name}. */
  Path lossPlugin(String folder, String pkg, String name, String apiVersion) {
    Map<String, String> manifest = new LinkedHashMap<>();
    if (apiVersion != null) {
      manifest.put("W2v-Api-Version", apiVersion);
    }
    manifest.put("Implementation-Version", "3.2.1");
    return jar(
        folder + "/" + name + ".jar",
        Map.of(pkg + ".Provider", lossProvider(pkg, name, "")),
        Map.of("dev.w2v.api.LossProvider", pkg + ".Provider\n"),
        manifest,
        List.of());
  }
}
