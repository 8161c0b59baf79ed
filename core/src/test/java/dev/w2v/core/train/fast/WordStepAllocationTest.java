package dev.w2v.core.train.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.WordCounts;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.testing.RealLosses;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The hot loop allocates nothing once compiled (the Vector API allocates only when interpreted).
 */
class WordStepAllocationTest {

  @Test
  void aCompiledTrainingStepAllocatesNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported(),
        "this JVM cannot count a thread's allocated bytes");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    int v = 500;
    int d = 32;
    long[] counts = new long[v];
    for (int i = 0; i < v; i++) {
      counts[i] = 1 + 100_000 / (i + 1);
    }
    WordCounts wordCounts = WordCounts.of(counts);
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(1);
    float[] inputs = new float[v * d];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = (random.nextFloat() - 0.5f) / d;
    }
    float[] outputs = new float[v * d];
    int[] sentence = new int[200];
    for (int i = 0; i < sentence.length; i++) {
      sentence[i] = random.nextInt(v);
    }
    for (Model model : Model.values()) {
      WordStep step =
          new WordStep(
              model, RealLosses.negativeSampling(5).create(wordCounts, d), inputs, outputs, random);
      long id = Thread.currentThread().getId();
      long bytes = Long.MAX_VALUE;
      // Retry a few rounds: the first ones run interpreted or in C1 while C2 compiles.
      // 50,000 words allocating nothing: the bytes left are the measurement's own (a few hundred).
      for (int round = 0; round < 20 && bytes >= 1024; round++) {
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 50_000; i++) {
          step.train(sentence, sentence.length, i % sentence.length, 1 + i % 5, 1e-4f);
        }
        bytes = threads.getThreadAllocatedBytes(id) - before;
      }
      assertTrue(bytes < 1024, model + " allocated " + bytes + " bytes in 50,000 words");
    }
  }
}
