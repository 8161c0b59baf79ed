package dev.w2v.core.train.cs224n;

import dev.w2v.api.Sampler;
import dev.w2v.core.random.LongSequenceGenerator;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The loss generator's draws, made ahead on a second core and replayed to the loss exactly.
 *
 * <p>A loss's negatives depend only on its generator and the sampler, never on the model, so they
 * can be drawn before the loss asks for them: drawing them (a generator step and a random read of
 * the sampler's table each) was about a quarter of the CS224n loop (bench/README.md). The thread
 * generates the loss generator's sequence of longs ahead, and for every position of that sequence
 * what the sampler returns when a draw starts there and how many longs it takes. The loss is given
 * {@link #random()}, which replays the sequence, and the {@link Sampler} it was created with is the
 * view a {@link Tap} made, which answers a draw from the ring when its generator is the replay.
 * Whatever the loss does with its generator, directly or through the sampler, it therefore sees the
 * very values the plain generator would have given, in the same order: a run is bit for bit the
 * same with or without the second thread. A draw that takes more than {@link #MAX_SPAN} longs (a
 * long rejection loop) or fails is left to the training thread, which draws it from the replayed
 * longs itself.
 *
 * <p>The sequence lives in a ring of {@link #SIZE} positions that the thread fills no further than
 * {@code SIZE} past what the training thread last said it consumed. The generator's state is kept
 * at every {@link #BLOCK}-th position, so that {@link #state()} can give a checkpoint the state
 * after exactly the draws consumed.
 */
final class LossDraws {

  static final int SIZE = 1 << 15;
  private static final int MASK = SIZE - 1;
  static final int CHUNK = 1024;
  static final int MAX_SPAN = 64;
  static final int BLOCK = 4096;

  /** How many draws ahead the training thread asks for the ring's lines: more than a batch's. */
  private static final int AHEAD = 4096;

  private static final int LINE_CHARS = 32;

  private static final int STATES = SIZE / BLOCK + 2;

  private final long[][] blockStates = new long[STATES][4];
  private final AheadThread thread;
  private final Producer producer;
  private final Replay replay;

  // Positions below published are final; positions below consumedMark may be reused.
  private volatile long published;
  private volatile long consumedMark;
  private final LongSupplier publishedCount = () -> this.published;

  /**
   * Draws ahead on {@code thread} (not yet started) from {@code generator} onwards for the sampler
   * that {@code tap} wrapped, which from now on answers draws from {@link #random()}.
   *
   * @param generator the loss generator at the position training continues from; owned from now on
   *     by this object
   */
  LossDraws(AheadThread thread, Xoshiro256PlusPlus generator, Tap tap) {
    if (tap.view == null) {
      throw new IllegalArgumentException("the loss was created without a sampler to draw ahead");
    }
    this.thread = thread;
    Ring ring = new Ring(new long[SIZE], new char[SIZE], new int[SIZE], new byte[SIZE]);
    generator.copyStateTo(blockStates[0]);
    producer = new Producer(this, generator, tap.view.real, ring);
    replay = new Replay(this, ring);
    tap.view.replay = replay;
    thread.add(producer::produceChunk);
  }

  /** The generator to give the loss in place of the loss generator. */
  RandomGenerator random() {
    return replay;
  }

  /**
   * Says that the batch's draws are done, so the thread may reuse their places, and asks for the
   * next batch's.
   */
  void release() {
    consumedMark = replay.position;
    replay.fetchAhead();
  }

  /** The loss generator's state after the draws consumed so far, for a checkpoint. */
  long[] state() {
    long position = replay.position;
    long block = position / BLOCK;
    Xoshiro256PlusPlus at = Xoshiro256PlusPlus.fromState(blockStates[(int) (block % STATES)]);
    for (long p = block * BLOCK; p < position; p++) {
      at.nextLong();
    }
    return at.state();
  }

  /** Ends a draw that reads too far ahead; thrown without a stack trace, caught at once. */
  private static final class TooLong extends RuntimeException {
    private static final TooLong INSTANCE = new TooLong();

    private TooLong() {
      super("draw longer than " + MAX_SPAN + " longs", null, false, false);
    }
  }

  /*
   * The thread's and the training thread's mutable fields each sit between 64 bytes of padding
   * (superclass fields come first in an object, so a chain of classes orders them): a line written
   * by one core and read by the other on every draw cost a round trip between the cores each time,
   * which on this project's VM is about 500 ns and had eaten the whole gain.
   */

  /**
   * The ring's arrays, by position modulo {@link #SIZE}: the generator's longs; for each position
   * the word drawn from there, both as a char when the draw took one long and the word fits (what
   * the training thread reads: a fifth of the bytes to bring from the other core than a word and
   * its span) and as an int with the number of longs taken (0 if the training thread draws it).
   */
  private record Ring(long[] longs, char[] quick, int[] words, byte[] spans) {}

  /** In {@link Ring#quick}: look at the word and span instead. */
  private static final char SLOW = Character.MAX_VALUE;

  private abstract static class PadBefore extends LongSequenceGenerator {
    long b0, b1, b2, b3, b4, b5, b6, b7;
  }

  private abstract static class ProducerFields extends PadBefore {
    final LossDraws owner;
    final Xoshiro256PlusPlus generator;
    final Sampler sampler;
    final long[] longs;
    final char[] quick;
    final int[] words;
    final byte[] spans;
    long position;
    long limit;
    long generated;
    long computed;

    ProducerFields(LossDraws owner, Xoshiro256PlusPlus generator, Sampler sampler, Ring ring) {
      this.owner = owner;
      this.generator = generator;
      this.sampler = sampler;
      this.longs = ring.longs();
      this.quick = ring.quick();
      this.words = ring.words();
      this.spans = ring.spans();
    }
  }

  /**
   * On the thread: fills the ring, and is the generator as a draw starting at a position sees it.
   */
  private static final class Producer extends ProducerFields {
    long a0, a1, a2, a3, a4, a5, a6, a7;

    Producer(LossDraws owner, Xoshiro256PlusPlus generator, Sampler sampler, Ring ring) {
      super(owner, generator, sampler, ring);
    }

    /** The next chunk of positions, if the ring has room for it. */
    boolean produceChunk() {
      long start = computed;
      long end = start + CHUNK;
      // Room for the chunk, the longs its last draws may read, and the long at end (whose block
      // state state() may need).
      if (end + MAX_SPAN + 1 > owner.consumedMark + SIZE) {
        return false;
      }
      for (long p = start; p < end; p++) {
        generateThrough(p);
        int i = (int) (p & MASK);
        position = p;
        limit = p + MAX_SPAN;
        int word;
        int span;
        try {
          word = sampler.sample(this);
          span = (int) (position - p);
        } catch (RuntimeException e) {
          // Too long a draw, or a failing one: the training thread draws it, and so meets any
          // failure where the loss asked for the draw.
          word = 0;
          span = 0;
        }
        words[i] = word;
        spans[i] = (byte) span;
        quick[i] = span == 1 && word >= 0 && word < SLOW ? (char) word : SLOW;
      }
      generateThrough(end);
      computed = end;
      owner.published = end;
      return true;
    }

    private void generateThrough(long through) {
      while (generated <= through) {
        if (generated % BLOCK == 0) {
          generator.copyStateTo(owner.blockStates[(int) ((generated / BLOCK) % STATES)]);
        }
        longs[(int) (generated & MASK)] = generator.nextLong();
        generated++;
      }
    }

    @Override
    public long nextLong() {
      if (position >= limit) {
        throw TooLong.INSTANCE;
      }
      generateThrough(position);
      return longs[(int) (position++ & MASK)];
    }
  }

  private abstract static class ReplayFields extends PadBefore {
    final LossDraws owner;
    final long[] longs;
    final char[] quick;
    final int[] words;
    final byte[] spans;
    long position;
    long available;

    /** Keeps the reads of {@link #fetchAhead} alive. */
    int touched;

    /** Where the lines of {@link #quick} fetched ahead end. */
    long fetched;

    ReplayFields(LossDraws owner, Ring ring) {
      this.owner = owner;
      this.longs = ring.longs();
      this.quick = ring.quick();
      this.words = ring.words();
      this.spans = ring.spans();
    }
  }

  /** On the training thread: the loss generator's longs, replayed. */
  private static final class Replay extends ReplayFields {
    long a0, a1, a2, a3, a4, a5, a6, a7;

    Replay(LossDraws owner, Ring ring) {
      super(owner, ring);
    }

    @Override
    public long nextLong() {
      if (position >= available) {
        awaitMore();
      }
      return longs[(int) (position++ & MASK)];
    }

    int sample(Sampler real) {
      if (position >= available) {
        awaitMore();
      }
      int i = (int) (position & MASK);
      char word = quick[i];
      if (word != SLOW) {
        position++;
        return word;
      }
      int span = spans[i];
      if (span == 0) {
        return real.sample(this);
      }
      position += span;
      return words[i];
    }

    /**
     * Reads one char of each line of {@link #quick} the next {@link #AHEAD} draws will use, as far
     * as the thread has written them. The thread wrote them on the other core: a line read only
     * when its draw needs it stalls the loss for a round trip between the cores (about 500 ns on
     * this project's VM, for 32 draws), while independent reads issued together overlap their round
     * trips.
     */
    void fetchAhead() {
      available = owner.published;
      long end = Math.min(available, position + AHEAD);
      long from = Math.max(fetched, position) & ~(LINE_CHARS - 1);
      int sum = touched;
      for (long p = from; p < end; p += LINE_CHARS) {
        sum += quick[(int) (p & MASK)];
      }
      touched = sum;
      fetched = Math.max(fetched, end);
    }

    private void awaitMore() {
      // A batch may need more draws than the ring holds: say what is consumed before waiting.
      owner.consumedMark = position;
      available = owner.thread.awaitBeyond(owner.publishedCount, position);
    }
  }

  /**
   * Wraps the sampler a loss is created with, so that {@link LossDraws} can later answer its draws;
   * until then, and for any other generator, the view draws from the sampler itself.
   */
  static final class Tap implements UnaryOperator<Sampler> {
    private View view;

    @Override
    public Sampler apply(Sampler sampler) {
      view = new View(sampler);
      return view;
    }

    /** Whether the loss was given a sampler. */
    boolean tapped() {
      return view != null;
    }
  }

  private static final class View implements Sampler {
    final Sampler real;
    Replay replay;

    View(Sampler real) {
      this.real = real;
    }

    @Override
    public int size() {
      return real.size();
    }

    @Override
    public int sample(RandomGenerator random) {
      Replay r = replay;
      if (r != null && random == r) {
        return r.sample(real);
      }
      return real.sample(random);
    }

    @Override
    public double probability(int word) {
      return real.probability(word);
    }
  }
}
