package dev.w2v.runner.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import dev.w2v.core.plugin.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsTest {

  @TempDir Path work;

  private Path folder(String name) {
    return work.resolve(name);
  }

  @Test
  void aPluginJarJoinsTheBuiltInProvidersWithItsPathAndVersion() {
    Path jar = new PluginJarFactory(work).lossPlugin("plugins", "test.good", "good", "1.0");
    Plugins plugins = Plugins.load(List.of(folder("plugins")));
    assertTrue(plugins.losses().names().contains("good"));
    ProviderRegistry.Entry<?> entry =
        plugins.losses().entries().stream()
            .filter(e -> e.provider().name().equals("good"))
            .findFirst()
            .orElseThrow();
    assertEquals(jar.toString(), entry.origin());
    assertEquals("3.2.1", plugins.version(entry.origin()));
    assertEquals(List.of(), plugins.warnings());
  }

  @Test
  void withoutTheFolderThePluginIsUnknown() {
    new PluginJarFactory(work).lossPlugin("plugins", "test.good", "good", "1.0");
    Plugins plugins = Plugins.load(List.of(folder("elsewhere")));
    W2vException e = assertThrows(W2vException.class, () -> plugins.losses().get("good"));
    assertTrue(e.getMessage().startsWith("unknown loss 'good'"), e.getMessage());
  }

  @Test
  void aNameTakenTwiceIsAnErrorNamingBothJars() {
    PluginJarFactory factory = new PluginJarFactory(work);
    Path first = factory.lossPlugin("a", "test.one", "same", "1.0");
    Path second = factory.lossPlugin("b", "test.two", "same", "1.0");
    W2vException e =
        assertThrows(W2vException.class, () -> Plugins.load(List.of(folder("a"), folder("b"))));
    assertTrue(e.getMessage().contains(first.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(second.toString()), e.getMessage());
  }

  @Test
  void aNameTakenByABuiltInIsAnError() {
    new PluginJarFactory(work).lossPlugin("plugins", "test.clash", "softmax", "1.0");
    W2vException e =
        assertThrows(W2vException.class, () -> Plugins.load(List.of(folder("plugins"))));
    assertTrue(
        e.getMessage().contains("named 'softmax'") && e.getMessage().contains("built in"),
        e.getMessage());
  }

  @Test
  void anotherMajorApiVersionIsRefusedNamingThePluginTheJarAndBothVersions() {
    Path jar = new PluginJarFactory(work).lossPlugin("plugins", "test.future", "future", "2.3");
    W2vException e =
        assertThrows(W2vException.class, () -> Plugins.load(List.of(folder("plugins"))));
    assertTrue(e.getMessage().contains("test.future.Provider"), e.getMessage());
    assertTrue(e.getMessage().contains(jar.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("2.3") && e.getMessage().contains("API 1."), e.getMessage());
  }

  @Test
  void badJarsAreReportedWithTheirPathAndTheOthersStillLoad() throws IOException {
    PluginJarFactory factory = new PluginJarFactory(work);
    factory.lossPlugin("plugins", "test.good", "good", "1.0");
    // Not a jar at all.
    Files.writeString(folder("plugins").resolve("garbage.jar"), "this is not a zip file");
    // A jar with no provider.
    Path empty = factory.jar("plugins/empty.jar", Map.of(), Map.of(), Map.of(), List.of());
    // A service file naming a class the jar does not have.
    Path broken =
        factory.jar(
            "plugins/broken.jar",
            Map.of(),
            Map.of("dev.w2v.api.LossProvider", "test.missing.Provider\n"),
            Map.of("W2v-Api-Version", "1.0"),
            List.of());
    // A provider whose constructor needs a class left out of the jar.
    Path missing =
        factory.jar(
            "plugins/missing.jar",
            Map.of(
                "test.partial.Provider",
                PluginJarFactory.lossProvider("test.partial", "partial", "new Helper();"),
                "test.partial.Helper",
                "package test.partial; class Helper {}"),
            Map.of("dev.w2v.api.LossProvider", "test.partial.Provider\n"),
            Map.of("W2v-Api-Version", "1.0"),
            List.of("test.partial.Helper"));

    Plugins plugins = Plugins.load(List.of(folder("plugins")));

    assertTrue(plugins.losses().names().contains("good"));
    List<String> warnings = plugins.warnings();
    assertEquals(4, warnings.size(), String.join("\n", warnings));
    assertTrue(
        warnings.stream()
            .anyMatch(w -> w.contains("garbage.jar") && w.contains("not a readable jar")),
        String.join("\n", warnings));
    assertTrue(
        warnings.stream()
            .anyMatch(w -> w.contains(empty.toString()) && w.contains("lists no provider")),
        String.join("\n", warnings));
    assertTrue(
        warnings.stream()
            .anyMatch(w -> w.contains(broken.toString()) && w.contains("test.missing.Provider")),
        String.join("\n", warnings));
    assertTrue(
        warnings.stream().anyMatch(w -> w.contains(missing.toString()) && w.contains("Helper")),
        String.join("\n", warnings));
  }
}
