package dev.w2v.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party plugin built as docs/PLUGINS.md tells its reader, in a folder outside w2v's tree,
 * against w2v's installed artifacts only: the tutorial's files, taken from the tutorial itself, so
 * that a pom or a class the tutorial shows cannot stop working unnoticed. Its contract tests must
 * run (not be skipped while the build reports success, as with Maven's default plugins), and a
 * build without them must fail.
 */
class PluginTutorialIT {

  private static final Pattern INCLUDE =
      Pattern.compile("<!-- include: (\\S+) -->\\n```[a-z]*\\n(.*?)```\\n", Pattern.DOTALL);
  private static final String EXAMPLE = "examples/loss-hierarchical-softmax/";
  private static final Pattern CONTRACT_RUN =
      Pattern.compile(
          "Tests run: (\\d+), Failures: 0, Errors: 0, Skipped: \\d+, Time elapsed: [^\\n]*"
              + " in dev\\.w2v\\.example\\.hs\\.HierarchicalSoftmaxContractTest");

  @TempDir Path outside;

  @Test
  void thePluginOfTheTutorialBuildsOutsideTheTreeAndRunsItsContractTests() throws Exception {
    Path plugin = writeTutorialPlugin();
    Build build = maven(plugin, "verify");
    assertEquals(0, build.exit, "the tutorial's plugin does not build:\n" + build.tail());
    Matcher run = CONTRACT_RUN.matcher(build.log);
    assertTrue(run.find(), "the contract tests did not run:\n" + build.tail());
    assertTrue(Integer.parseInt(run.group(1)) >= 10, "too few contract checks ran: " + run.group());

    Path jar = plugin.resolve("target/w2v-loss-hs-example-" + version() + ".jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      assertEquals(
          "1.0",
          file.getManifest().getMainAttributes().getValue("W2v-Api-Version"),
          "the plugin parent writes the API version the plugin was built against");
      assertTrue(
          file.getEntry("META-INF/services/dev.w2v.api.LossProvider") != null,
          "the service file is packaged");
    }
  }

  @Test
  void aPluginWhoseContractTestsAreMissingDoesNotBuild() throws Exception {
    Path plugin = writeTutorialPlugin();
    try (Stream<Path> tests = Files.walk(plugin.resolve("src/test"))) {
      for (Path p : tests.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
    Build build = maven(plugin, "verify");
    assertNotEquals(0, build.exit, "a plugin with no test built:\n" + build.tail());
    assertTrue(
        build.log.contains("No tests"),
        "the failure says why, not something else:\n" + build.tail());
  }

  /** The folder a reader of docs/PLUGINS.md ends with: every file it shows, plus HuffmanTree. */
  private Path writeTutorialPlugin() throws IOException {
    Path root = Path.of(System.getProperty("w2v.root")).toAbsolutePath().normalize();
    String tutorial = Files.readString(root.resolve("docs/PLUGINS.md"));
    Path plugin = outside.resolve("my-plugin");
    Matcher m = INCLUDE.matcher(tutorial);
    List<String> written = new ArrayList<>();
    while (m.find()) {
      assertTrue(m.group(1).startsWith(EXAMPLE), "an include outside the example: " + m.group(1));
      Path target = plugin.resolve(m.group(1).substring(EXAMPLE.length()));
      Files.createDirectories(target.getParent());
      Files.writeString(target, m.group(2));
      written.add(m.group(1));
    }
    assertTrue(written.size() >= 5, "docs/PLUGINS.md shows fewer files than a plugin needs");
    // The tutorial points to this one file rather than showing it ("plain Java ... in the
    // example").
    String tree = "src/main/java/dev/w2v/example/hs/HuffmanTree.java";
    assertTrue(tutorial.contains("HuffmanTree.java"), "the tutorial names HuffmanTree.java");
    Files.copy(root.resolve(EXAMPLE + tree), plugin.resolve(tree));
    return plugin;
  }

  private record Build(int exit, String log) {
    String tail() {
      return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }
  }

  /**
   * {@code mvn -B GOAL} in {@code project} with the private repository that invoker:install filled
   * from this build as the local one, and the user's own repository read as a mirror (so no network
   * is needed and nothing is written to it).
   */
  private Build maven(Path project, String goal) throws Exception {
    Path settings = outside.resolve("settings.xml");
    String userRepo = Path.of(System.getProperty("w2v.userRepo")).toUri().toString();
    Files.writeString(
        settings,
        """
        <settings>
          <profiles><profile><id>it</id>
            <repositories>
              <repository><id>central</id><url>%1$s</url>
                <releases><checksumPolicy>ignore</checksumPolicy></releases>
                <snapshots><enabled>false</enabled></snapshots></repository>
              <repository><id>maven-central</id><url>https://repo.maven.apache.org/maven2</url>
                <snapshots><enabled>false</enabled></snapshots></repository>
            </repositories>
            <pluginRepositories>
              <pluginRepository><id>central</id><url>%1$s</url>
                <releases><checksumPolicy>ignore</checksumPolicy></releases>
                <snapshots><enabled>false</enabled></snapshots></pluginRepository>
              <pluginRepository><id>maven-central</id><url>https://repo.maven.apache.org/maven2</url>
                <snapshots><enabled>false</enabled></snapshots></pluginRepository>
            </pluginRepositories>
          </profile></profiles>
          <activeProfiles><activeProfile>it</activeProfile></activeProfiles>
        </settings>
        """
            .formatted(userRepo));
    Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
    Path log = outside.resolve(project.getFileName() + "-" + goal + ".log");
    Process process =
        new ProcessBuilder(
                mvn.toString(),
                "-B",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + System.getProperty("w2v.itRepo"),
                goal)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the plugin's build took over 10 minutes");
    }
    return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static String version() {
    return System.getProperty("w2v.version");
  }
}
