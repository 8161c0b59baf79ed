package dev.w2v.core.train.cs224n;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.w2v.api.WordCounts;
import dev.w2v.core.corpus.EncodedCorpus;
import dev.w2v.core.corpus.SubSampling;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Batches drawn ahead on a second thread are exactly those the loop would draw itself. */
class ContextBatchesTest {

  private static final int WINDOW = 3;
  private static final int BATCH = 7;

  private static ContextSampler sampler() {
    int sentences = 300;
    int[] positions = new int[sentences * 9];
    int p = 0;
    for (int s = 0; s < sentences; s++) {
      for (int i = 0; i < 8; i++) {
        positions[p++] = (s * 7 + i * 3) % 40;
      }
      positions[p++] = EncodedCorpus.END;
    }
    EncodedCorpus corpus = EncodedCorpus.of(positions);
    long[] counts = new long[40];
    for (int position : positions) {
      if (position != EncodedCorpus.END) {
        counts[position]++;
      }
    }
    return new ContextSampler(
        corpus, SubSampling.cs224n(WordCounts.of(counts), 1e-2), 3, new Xoshiro256PlusPlus(5));
  }

  @Test
  void aheadAndInlineDrawTheSameBatchesAsTheSamplerItself() {
    ContextSampler sampler = sampler();
    int total = 200; // more than the ring's slots, so that slots are reused
    Xoshiro256PlusPlus reference = new Xoshiro256PlusPlus(9);
    ContextSampler.Context context = new ContextSampler.Context(WINDOW);
    try (AheadThread thread = new AheadThread()) {
      ContextBatches ahead =
          new ContextBatches(sampler, WINDOW, BATCH, total, new Xoshiro256PlusPlus(9), thread);
      ContextBatches inline =
          new ContextBatches(sampler, WINDOW, BATCH, total, new Xoshiro256PlusPlus(9), null);
      thread.start();
      for (int n = 0; n < total; n++) {
        int a = ahead.next();
        int i = inline.next();
        for (int b = 0; b < BATCH; b++) {
          sampler.sample(WINDOW, reference, context);
          int[] expected = Arrays.copyOf(context.outside, context.size());
          assertEquals(context.center(), ahead.centers(a)[b], "batch " + n + " context " + b);
          assertArrayEquals(expected, outside(ahead, a, b), "batch " + n + " context " + b);
          assertEquals(context.center(), inline.centers(i)[b]);
          assertArrayEquals(expected, outside(inline, i, b));
        }
        assertArrayEquals(reference.state(), ahead.stateAfter(a), "state after batch " + n);
        assertArrayEquals(reference.state(), inline.stateAfter(i));
        ahead.release();
        inline.release();
      }
    }
  }

  private static int[] outside(ContextBatches batches, int slot, int b) {
    int[] starts = batches.starts(slot);
    return Arrays.copyOfRange(batches.outside(slot), starts[b], starts[b + 1]);
  }

  @Test
  void closingStopsAProducerThatIsWaitingForRoom() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          AheadThread thread = new AheadThread();
          ContextBatches batches =
              new ContextBatches(
                  sampler(), WINDOW, BATCH, 1_000_000, new Xoshiro256PlusPlus(1), thread);
          thread.start();
          batches.next();
          thread.close();
          assertFalse(
              Thread.getAllStackTraces().keySet().stream()
                  .anyMatch(t -> t.getName().equals("w2v-ahead") && t.isAlive()),
              "the producer thread outlived close()");
        });
  }
}
