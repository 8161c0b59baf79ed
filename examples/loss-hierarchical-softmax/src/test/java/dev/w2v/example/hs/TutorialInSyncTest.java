package dev.w2v.example.hs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every file docs/PLUGINS.md shows is this example's file, character for character. */
class TutorialInSyncTest {

  private static final Pattern INCLUDE =
      Pattern.compile("<!-- include: (\\S+) -->\\n```[a-z]*\\n(.*?)```\\n", Pattern.DOTALL);

  @Test
  void theTutorialsCodeBlocksAreTheExamplesFiles() throws Exception {
    Path root = Path.of("../..").toAbsolutePath().normalize();
    String tutorial = Files.readString(root.resolve("docs/PLUGINS.md"));
    Matcher m = INCLUDE.matcher(tutorial);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      Path file = root.resolve(m.group(1));
      assertTrue(Files.isRegularFile(file), "docs/PLUGINS.md includes a missing file: " + file);
      assertEquals(
          Files.readString(file),
          m.group(2),
          "docs/PLUGINS.md's copy of "
              + m.group(1)
              + " differs from the file; paste the file again");
    }
    List<String> expected =
        List.of(
            "pom.xml",
            "HierarchicalSoftmaxProvider.java",
            "HierarchicalSoftmaxLoss.java",
            "dev.w2v.api.LossProvider",
            "HierarchicalSoftmaxContractTest.java");
    assertEquals(expected.size(), blocks, "the tutorial shows every step's file");
    for (String name : expected) {
      assertTrue(tutorial.contains(name), name);
    }
  }
}
