package dev.w2v.loss.softmax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.LossProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The packaged jar registers its provider where ServiceLoader looks. */
class SoftmaxServiceIT {

  @Test
  void serviceLoaderFindsTheProviderInThePackagedJar() throws Exception {
    List<LossProvider> providers =
        ServiceLoader.load(LossProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("softmax"))
            .toList();
    assertEquals(1, providers.size());
    Path origin =
        Path.of(
            providers
                .get(0)
                .getClass()
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    assertTrue(
        origin.getFileName().toString().matches("w2v-loss-softmax-.*\\.jar"),
        "expected the packaged jar, found " + origin);
  }
}
