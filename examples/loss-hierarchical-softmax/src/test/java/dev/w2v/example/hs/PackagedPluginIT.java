package dev.w2v.example.hs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.ApiVersion;
import dev.w2v.api.LossProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged jar is a plugin w2v can load: service entry and manifest attributes. */
class PackagedPluginIT {

  @Test
  void serviceLoaderFindsHsAndTheManifestStatesTheApiVersion() throws Exception {
    List<LossProvider> hs =
        ServiceLoader.load(LossProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("hs"))
            .toList();
    assertEquals(1, hs.size());
    Path jar =
        Path.of(hs.get(0).getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(jar.toString().endsWith(".jar"), jar.toString());
    try (JarFile file = new JarFile(jar.toFile())) {
      var attributes = file.getManifest().getMainAttributes();
      // Written against API 1.0, and loadable by every 1.x w2v from then on.
      String built = attributes.getValue("W2v-Api-Version");
      assertEquals("1.0", built);
      assertEquals(ApiVersion.MAJOR, Integer.parseInt(built.split("\\.")[0]));
      assertTrue(Integer.parseInt(built.split("\\.")[1]) <= ApiVersion.MINOR);
      assertNotNull(attributes.getValue("Implementation-Version"));
    }
  }
}
