package dev.w2v.loss.negsampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.LossProvider;
import dev.w2v.api.Plugin;
import dev.w2v.api.SamplerProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The packaged jar registers the loss and both samplers where ServiceLoader looks. */
class NegativeSamplingServiceIT {

  private static void assertFromPackagedJar(Plugin provider) throws Exception {
    Path origin =
        Path.of(provider.getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(
        origin.getFileName().toString().matches("w2v-loss-negsampling-.*\\.jar"),
        "expected the packaged jar, found " + origin);
  }

  @Test
  void serviceLoaderFindsTheLossAndTheSamplers() throws Exception {
    List<LossProvider> losses =
        ServiceLoader.load(LossProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    assertEquals(List.of("negsampling"), losses.stream().map(Plugin::name).toList());
    assertFromPackagedJar(losses.get(0));

    List<SamplerProvider> samplers =
        ServiceLoader.load(SamplerProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    assertEquals(List.of("unigram", "uniform"), samplers.stream().map(Plugin::name).toList());
    for (SamplerProvider sampler : samplers) {
      assertFromPackagedJar(sampler);
    }
  }
}
