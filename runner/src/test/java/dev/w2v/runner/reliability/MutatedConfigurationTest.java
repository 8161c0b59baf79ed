package dev.w2v.runner.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.ParameterSpec;
import dev.w2v.api.Plugin;
import dev.w2v.core.W2vException;
import dev.w2v.core.train.TrainerProvider;
import dev.w2v.core.train.Trainers;
import dev.w2v.runner.config.Configuration;
import dev.w2v.runner.config.ConfigurationLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Configuration files and --set values, damaged: loading them and creating the trainer they name
 * ends in the configuration or one-line error, never an internal error.
 */
class MutatedConfigurationTest {

  private static final String VALID =
      "trainer = fast\ndim = 50\nwindow = 3\nepochs = 2\nthreads = 1\nlr = 0.025\n"
          + "negsampling.k = 7\nplot-words = [good, bad]\ncorpus = \"a.txt\"\n";

  private static final Plugin NEG =
      new Plugin() {
        @Override
        public String name() {
          return "negsampling";
        }

        @Override
        public String description() {
          return "";
        }

        @Override
        public List<ParameterSpec> parameters() {
          return List.of(ParameterSpec.integer("k", 10, ""));
        }
      };

  private static final Trainers TRAINERS = Trainers.load();

  @Provide
  Arbitrary<byte[]> files() {
    return dev.w2v.core.testing.Mutations.of(VALID.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.of(
            "-1",
            "0",
            "1e400",
            "NaN",
            "9999999999999",
            "2147483648",
            "[",
            "{}",
            "\"",
            "${x}",
            "true",
            "0x10",
            "1.5"));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void damagedConfigurationFiles(@ForAll("files") byte[] bytes) throws IOException {
    Path file = Files.createTempFile("w2v", ".conf");
    try {
      Files.write(file, bytes);
      onlyOwnErrors(() -> load(file, List.of()));
    } finally {
      Files.delete(file);
    }
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void anyValueOfAnyKey(@ForAll("values") String value) {
    for (String key :
        List.of(
            "dim",
            "threads",
            "lr",
            "epochs",
            "window",
            "sample",
            "seed",
            "model",
            "min-count",
            "checkpoint-seconds",
            "negsampling.k")) {
      onlyOwnErrors(() -> load(null, List.of("trainer=fast", key + "=" + value)));
    }
  }

  private static void load(Path file, List<String> sets) {
    Configuration c = ConfigurationLoader.load(file, sets, Map.of(), List.of(NEG), TRAINERS);
    TrainerProvider trainer = TRAINERS.get(c.getString("trainer"));
    trainer.create(c);
    c.pluginParameters("negsampling");
    c.getStringList("plot-words");
  }

  private static void onlyOwnErrors(Runnable load) {
    try {
      load.run();
    } catch (W2vException expected) {
      String message = expected.getMessage();
      assertTrue(message != null && !message.isBlank(), "an error without a message");
    }
  }
}
