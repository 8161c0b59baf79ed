package dev.w2v.core.train.cs224n;

import dev.w2v.core.random.Xoshiro256PlusPlus;
import java.util.function.LongSupplier;

/**
 * The contexts of the coming batches, drawn ahead of training on a second core.
 *
 * <p>A context depends only on the corpus copies and the context generator, never on the model, so
 * batches drawn ahead are exactly the batches the training loop would have drawn itself, and the
 * generator state saved after each batch is the one a checkpoint at that iteration records: a run
 * is bit for bit the same with or without the second thread. Drawing was about a fifth of the
 * CS224n loop (random reads into the sub-sampled copies, which are larger than the caches).
 *
 * <p>A ring of {@link #SLOTS} batches is shared by one producer (a step of the {@link AheadThread})
 * and one consumer through two counters: the producer publishes a filled slot by advancing {@code
 * produced}, the consumer frees it by advancing {@code consumed}. Nothing is allocated per batch.
 * Without a thread the batches are drawn inline by {@link #next()}.
 */
final class ContextBatches {

  static final int SLOTS = 16;

  private final ContextSampler sampler;
  private final int window;
  private final int batch;
  private final long total;
  private final Xoshiro256PlusPlus random;
  private final ContextSampler.Context context;

  private final int[][] centers;
  private final int[][] starts;
  private final int[][] outside;
  private final long[][] stateAfter;

  private final AheadThread thread;
  private final LongSupplier producedCount = () -> this.produced;
  private volatile long produced;
  private volatile long consumed;

  /**
   * @param random the context generator, owned from now on by this object
   * @param total how many batches to draw
   * @param thread the thread to draw on, not yet started; null to draw inline
   */
  ContextBatches(
      ContextSampler sampler,
      int window,
      int batch,
      long total,
      Xoshiro256PlusPlus random,
      AheadThread thread) {
    this.sampler = sampler;
    this.window = window;
    this.batch = batch;
    this.total = total;
    this.random = random;
    this.context = new ContextSampler.Context(window);
    this.thread = thread;
    int slots = thread != null ? SLOTS : 1;
    centers = new int[slots][batch];
    starts = new int[slots][batch + 1];
    outside = new int[slots][batch * 2 * window];
    stateAfter = new long[slots][4];
    if (thread != null) {
      thread.add(this::produceOne);
    }
  }

  /**
   * The slot holding the next batch, drawn if need be; valid until {@link #release()}. Its center
   * of context {@code b} is {@code centers(slot)[b]} and its outside words are {@code
   * outside(slot)[starts(slot)[b] .. starts(slot)[b + 1])}.
   */
  int next() {
    long n = consumed;
    if (thread == null) {
      fill(0);
      return 0;
    }
    if (produced <= n) {
      thread.awaitBeyond(producedCount, n);
    }
    return (int) (n % SLOTS);
  }

  /** Frees the slot {@link #next()} returned. */
  void release() {
    consumed = consumed + 1;
  }

  int[] centers(int slot) {
    return centers[slot];
  }

  int[] starts(int slot) {
    return starts[slot];
  }

  int[] outside(int slot) {
    return outside[slot];
  }

  /** The context generator's state after the slot's batch was drawn, for a checkpoint. */
  long[] stateAfter(int slot) {
    return stateAfter[slot];
  }

  /** On the thread: draws the next batch if there is one and the ring has room for it. */
  private boolean produceOne() {
    long n = produced;
    if (n >= total || n - consumed >= SLOTS) {
      return false;
    }
    fill((int) (n % SLOTS));
    produced = n + 1;
    return true;
  }

  private void fill(int slot) {
    int[] c = centers[slot];
    int[] s = starts[slot];
    int[] o = outside[slot];
    int at = 0;
    for (int b = 0; b < batch; b++) {
      sampler.sample(window, random, context);
      c[b] = context.center();
      s[b] = at;
      for (int k = 0; k < context.size(); k++) {
        o[at++] = context.outside(k);
      }
    }
    s[batch] = at;
    random.copyStateTo(stateAfter[slot]);
  }
}
