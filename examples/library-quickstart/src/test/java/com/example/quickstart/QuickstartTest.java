package com.example.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.library.WordVectors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the quickstart as `java -jar` would, and checks what it printed and saved. */
class QuickstartTest {

  @TempDir Path dir;

  @Test
  void trainsSavesLoadsAndFindsEachWordsTopicMates() throws Exception {
    Path corpus = SampleText.write(dir.resolve("sample.txt"));
    Path file = dir.resolve("vectors.bin");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Quickstart.run(
        corpus,
        file,
        List.of("king", "cat", "bread"),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    System.out.print(printed);

    List<String> lines = printed.lines().toList();
    assertTrue(lines.get(0).startsWith("trained skipgram on 30 words, dim 32"), printed);
    // word2vec's binary layout: "V d\n", then per word its bytes, a space, d float32, "\n".
    WordVectors loaded = WordVectors.load(file);
    assertEquals(30, loaded.size());
    long expected = "30 32\n".length();
    for (String word : loaded.words()) {
      expected += word.getBytes(StandardCharsets.UTF_8).length + 1 + 32 * Float.BYTES + 1;
    }
    assertEquals(expected, Files.size(file), "a binary file, not text");

    for (int t = 0; t < 3; t++) {
      String[] fields = lines.get(2 + t).split(" ");
      List<String> topic = SampleText.TOPICS.get(t);
      assertEquals(topic.get(0) + ":", fields[0], printed);
      for (int n = 0; n < 3; n++) {
        assertTrue(topic.contains(fields[1 + 2 * n]), topic.get(0) + "'s topic mates: " + printed);
      }
    }
  }
}
