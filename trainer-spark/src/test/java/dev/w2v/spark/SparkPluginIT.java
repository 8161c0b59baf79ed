package dev.w2v.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.plugin.ConfiguredLoss;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.train.TrainingRun;
import dev.w2v.runner.plugins.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loss plugin from a jar in a plugin folder, as {@code --plugin-path} loads it: the example
 * hierarchical softmax, which is not on this test's class path, so the executors can only find it
 * in the jar the trainer ships to them.
 */
class SparkPluginIT {

  @TempDir static Path work;

  @Test
  void trainsWithAPluginFromAJarFolder() throws Exception {
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("dev.w2v.example.hs.HierarchicalSoftmaxProvider"),
        "the plugin must not be on the tests' class path");
    Path folder = Files.createDirectories(work.resolve("plugins"));
    Files.copy(Path.of(System.getProperty("w2v.hs.jar")), folder.resolve("hs.jar"));
    Plugins plugins = Plugins.load(List.of(folder));
    ConfiguredLoss hs =
        new ConfiguredLoss(
            plugins.losses().get("hs"), Map.of(), plugins.samplers().get("unigram"), Map.of());
    Path corpus = PlantedCorpus.write(work.resolve("planted.txt"), 4000, 13);
    TrainedModel model =
        new SparkTrainer(SparkTrainerIT.CONFIG)
            .train(
                TrainingRun.builder(CorpusSource.of(corpus, CorpusFormat.TEXT, false), hs).build());
    assertTrue(model.summary().contains("(hs loss)"), model.summary());
    // A hierarchical softmax has V - 1 output rows, one per inner node of its tree.
    assertTrue(model.outputRows() == model.vocabulary().size() - 1, "rows " + model.outputRows());
    double accuracy = PlantedCorpus.neighbourAccuracy(model);
    assertTrue(accuracy >= 0.9, "nearest-neighbour accuracy " + accuracy);
  }
}
