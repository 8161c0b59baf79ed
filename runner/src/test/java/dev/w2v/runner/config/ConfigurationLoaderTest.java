package dev.w2v.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.ParameterSpec;
import dev.w2v.api.Plugin;
import dev.w2v.core.W2vException;
import dev.w2v.core.train.Trainers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationLoaderTest {

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

        @Override
        public Map<String, Object> defaults(String trainer) {
          return trainer.equals("fast") ? Map.of("k", 5) : Map.of();
        }
      };

  @TempDir Path dir;

  private static Configuration load(Path file, List<String> sets, Map<String, Object> flags) {
    return ConfigurationLoader.load(file, sets, flags, List.of(NEG), TRAINERS);
  }

  private static final Trainers TRAINERS = Trainers.load();

  @Test
  void defaultsAreTheCourseSettings() {
    Configuration c = load(null, List.of(), Map.of());
    assertEquals("cs224n", c.getString("trainer"));
    assertEquals("negsampling", c.getString("loss"));
    assertEquals(10, c.getInt("dim"));
    assertEquals(40000, c.getInt("iterations"));
    assertEquals(50, c.getInt("batch-size"));
    assertEquals(0.3, c.getDouble("lr"));
    assertEquals(20000, c.getInt("anneal-every"));
    assertEquals(1e-5, c.getDouble("sample"));
    assertEquals(5000, c.getInt("checkpoint-every"));
    assertEquals(5, c.getInt("window"));
    assertEquals(24, c.getStringList("plot-words").size());
  }

  @Test
  void flagsBeatSetsWhichBeatTheFileWhichBeatsTheDefaults() throws IOException {
    Path file = dir.resolve("w2v.conf");
    Files.writeString(file, "dim = 20\nwindow = 3\niterations = 7\nnegsampling.k = 4\n");
    Configuration c = load(file, List.of("dim=30", "window=2"), Map.of("dim", 40));
    assertEquals(40, c.getInt("dim"));
    assertEquals(2, c.getInt("window"));
    assertEquals(7, c.getInt("iterations"));
    assertEquals(Map.of("k", 4), c.pluginParameters("negsampling"));
    assertEquals(0.3, c.getDouble("lr"));
  }

  @Test
  void anUnknownKeySaysWhereItWasSetAndSuggestsTheNearestKey() {
    W2vException e =
        assertThrows(W2vException.class, () -> load(null, List.of("iteratons=5"), Map.of()));
    assertEquals(
        "unknown configuration key 'iteratons' (--set); did you mean 'iterations'?",
        e.getMessage());
  }

  @Test
  void anUnknownKeyInAFileNamesTheFile() throws IOException {
    Path file = dir.resolve("bad.conf");
    Files.writeString(file, "colour = blue\n");
    W2vException e = assertThrows(W2vException.class, () -> load(file, List.of(), Map.of()));
    assertTrue(
        e.getMessage().contains("'colour'") && e.getMessage().contains("bad.conf"), e.getMessage());
  }

  @Test
  void pluginKeysMustNameAKnownPluginAndParameter() {
    W2vException e =
        assertThrows(W2vException.class, () -> load(null, List.of("negsampling.q=1"), Map.of()));
    assertEquals(
        "unknown configuration key 'negsampling.q' (--set): negsampling accepts k", e.getMessage());
    e = assertThrows(W2vException.class, () -> load(null, List.of("nope.k=1"), Map.of()));
    assertTrue(e.getMessage().contains("no loss or sampler is named 'nope'"), e.getMessage());
  }

  @Test
  void aValueOfTheWrongTypeNamesTheKeyAndTheValue() {
    Configuration c = load(null, List.of("dim=ten"), Map.of());
    W2vException e = assertThrows(W2vException.class, () -> c.getInt("dim"));
    assertTrue(
        e.getMessage().startsWith("configuration key 'dim' must be an integer, but is 'ten'"),
        e.getMessage());
  }

  @Test
  void anUnknownTrainerListsTheTrainers() {
    W2vException e =
        assertThrows(W2vException.class, () -> load(null, List.of("trainer=turbo"), Map.of()));
    assertTrue(
        e.getMessage().startsWith("unknown trainer 'turbo'; available: cs224n"), e.getMessage());
  }

  @Test
  void aMissingConfigFileIsNamed() {
    W2vException e =
        assertThrows(W2vException.class, () -> load(dir.resolve("none.conf"), List.of(), Map.of()));
    assertTrue(
        e.getMessage().contains("none.conf") && e.getMessage().contains("does not exist"),
        e.getMessage());
  }

  @Test
  void eachTrainerHasItsOwnDefaultsAndEachPluginItsDefaultsPerTrainer() {
    Configuration fast = load(null, List.of("trainer=fast"), Map.of());
    assertEquals(100, fast.getInt("dim"));
    assertEquals(false, fast.getBoolean("lowercase"));
    assertEquals(Map.of("k", 5), fast.pluginParameters("negsampling"));
    assertEquals(300, fast.getInt("checkpoint-seconds"));
    Configuration cs224n = load(null, List.of(), Map.of());
    assertEquals(true, cs224n.getBoolean("lowercase"));
    assertEquals(Map.of(), cs224n.pluginParameters("negsampling"));
  }

  @Test
  void aKeyOfAnotherTrainerSaysWhichTrainerItBelongsTo() {
    W2vException e =
        assertThrows(W2vException.class, () -> load(null, List.of("epochs=3"), Map.of()));
    assertEquals(
        "configuration key 'epochs' (--set) belongs to trainer 'fast', but the trainer is"
            + " 'cs224n'",
        e.getMessage());
  }

  @Test
  void theHelpListsEveryTrainersKeysFromTheirDeclarations() {
    String help = ConfigurationLoader.describeKeys(TRAINERS);
    assertTrue(help.contains("trainer = cs224n: "), help);
    assertTrue(help.contains("trainer = fast: "), help);
    assertTrue(help.contains("checkpoint-seconds"), help);
    assertTrue(help.contains("the trainer: cs224n, fast"), help);
  }

  @Test
  void pluginPathIsReadBeforePluginsLoad() {
    assertEquals(
        List.of(Path.of("a"), Path.of("b")),
        ConfigurationLoader.pluginPath(null, List.of("plugin-path=a,b")));
  }
}
