package dev.w2v.runner.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.runner.W2vProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example hierarchical-softmax plugin, a jar the runner has never seen, dropped into a folder:
 * the real w2v lists it, trains with it under both trainers, and without the folder does not know
 * its name.
 */
class PluginFolderIT {

  @TempDir static Path work;
  static Path folder;
  static Path jar;
  static Path corpus;

  @BeforeAll
  static void dropThePluginIntoAFolder() throws Exception {
    Path built =
        Path.of(
            Class.forName("dev.w2v.example.hs.HierarchicalSoftmaxProvider")
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    assertTrue(
        built.toString().endsWith(".jar"), "the example plugin should be packaged: " + built);
    folder = Files.createDirectories(work.resolve("my-plugins"));
    jar = Files.copy(built, folder.resolve("hs.jar"));
    corpus = work.resolve("corpus.txt");
    try (var in = PluginFolderIT.class.getResourceAsStream("/dev/w2v/runner/small-corpus.txt")) {
      Files.copy(in, corpus);
    }
  }

  @Test
  void pluginsListsItWithItsJarAndVersion() throws Exception {
    W2vProcess.Result r = W2vProcess.run(work, "plugins", "--plugin-path", folder.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("hs ") && r.out().contains("hierarchical softmax"), r.out());
    assertTrue(r.out().contains("from " + jar + ", version 0.1.0-SNAPSHOT"), r.out());
  }

  @Test
  void trainsWithItByNameUnderBothTrainers() throws Exception {
    W2vProcess.Result cs224n =
        W2vProcess.run(
            work,
            "train",
            "--plugin-path",
            folder.toString(),
            "--loss",
            "hs",
            "--corpus",
            corpus.toString(),
            "--iterations",
            "200",
            "--out",
            work.resolve("out-cs224n").toString());
    assertEquals(0, cs224n.exitCode(), cs224n.toString());
    assertTrue(cs224n.out().contains("(hs loss"), cs224n.out());
    assertTrue(Files.readString(work.resolve("out-cs224n/vectors.txt")).contains("\ncat "));

    W2vProcess.Result fast =
        W2vProcess.run(
            work,
            "train",
            "--trainer",
            "fast",
            "--plugin-path",
            folder.toString(),
            "--loss",
            "hs",
            "--corpus",
            corpus.toString(),
            "--set",
            "min-count=1",
            "--set",
            "epochs=2",
            "--set",
            "threads=2",
            "--out",
            work.resolve("out-fast").toString());
    assertEquals(0, fast.exitCode(), fast.toString());
    assertTrue(fast.out().contains("(hs loss"), fast.out());
  }

  @Test
  void withoutTheFolderTheNameIsUnknown() throws Exception {
    W2vProcess.Result r =
        W2vProcess.run(
            work,
            "train",
            "--loss",
            "hs",
            "--corpus",
            corpus.toString(),
            "--iterations",
            "10",
            "--out",
            work.resolve("out-none").toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(
        r.err().contains("unknown loss 'hs'; available: negsampling, softmax"), r.toString());
  }
}
