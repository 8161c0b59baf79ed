package com.example.quickstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small text with three topics (royalty, farm animals, food): each sentence mixes words of one
 * topic with common words, so that words of a topic share their contexts.
 */
final class SampleText {

  static final List<List<String>> TOPICS =
      List.of(
          List.of("king", "queen", "prince", "princess", "crown", "throne", "palace"),
          List.of("cat", "dog", "horse", "cow", "sheep", "barn", "farm"),
          List.of("bread", "cheese", "soup", "apple", "cake", "kitchen", "oven"));

  private static final List<String> COMMON =
      List.of("the", "a", "was", "in", "with", "near", "and", "saw", "had");

  private SampleText() {}

  /** Writes 3000 sentences to {@code file} and returns it. */
  static Path write(Path file) throws IOException {
    Random random = new Random(42);
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < 3000; s++) {
      List<String> topic = TOPICS.get(random.nextInt(TOPICS.size()));
      List<String> words = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        words.add(COMMON.get(random.nextInt(COMMON.size())));
        words.add(topic.get(random.nextInt(topic.size())));
      }
      lines.add(String.join(" ", words));
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    return Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
