package dev.w2v.core.fast;

import dev.w2v.core.W2vException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A corpus as word indices, so that epochs after the first do not read text again. Position {@code
 * i} holds a word index in {@code [0, V)} or {@link #END} for the end of a sentence; words not in
 * the vocabulary are left out, and a sentence longer than {@link FastConfig#MAX_SENTENCE_LENGTH}
 * words is cut into pieces of that length, as word2vec C does.
 *
 * <p>Small corpora live in an {@code int[]}; larger ones in a memory-mapped temporary file that is
 * deleted as soon as it is mapped (on systems that allow it; otherwise at exit). Read-only and safe
 * to share between threads once built.
 */
public abstract sealed class EncodedCorpus {

  /** The marker of a sentence end. */
  public static final int END = -1;

  /** The number of positions, words and sentence ends together. */
  public abstract long size();

  /** The number of word positions (sentence ends not counted). */
  public abstract long words();

  /** The word index at {@code position}, or {@link #END}. */
  public abstract int get(long position);

  /** Whether the corpus lives in a memory-mapped file rather than on the heap. */
  public abstract boolean mapped();

  /**
   * The first position at or after {@code position} that starts a sentence (or {@link #size()}).
   */
  public long sentenceStartAtOrAfter(long position) {
    if (position <= 0) {
      return 0;
    }
    long p = position;
    long n = size();
    while (p < n && get(p - 1) != END) {
      p++;
    }
    return p;
  }

  /**
   * Encodes {@code corpus} with {@code vocabulary}, in memory while at most {@code
   * maxInMemoryWords} positions are needed and in a temporary file beyond.
   */
  public static EncodedCorpus encode(
      TextCorpus corpus, Vocabulary vocabulary, long maxInMemoryWords) {
    Writer writer = new Writer(vocabulary, maxInMemoryWords);
    corpus.read(writer);
    return writer.finish();
  }

  /** An in-memory corpus of the given positions (for tests and benchmarks). */
  public static EncodedCorpus of(int... positions) {
    long words = Arrays.stream(positions).filter(p -> p != END).count();
    return new InMemory(positions.clone(), positions.length, words);
  }

  private static final class Writer implements TextCorpus.TokenVisitor {
    private final Vocabulary vocabulary;
    private final long maxInMemory;
    private int[] ints;
    private int size;
    private int sentenceLength;
    private Path file;
    private FileChannel channel;
    private ByteBuffer block;
    private long fileInts;
    private long words;

    Writer(Vocabulary vocabulary, long maxInMemory) {
      this.vocabulary = vocabulary;
      this.maxInMemory = Math.min(maxInMemory, Integer.MAX_VALUE - 16);
      // The counting pass bounds the positions: every kept word, a sentence end per line and one
      // per cut of a long sentence. One array of that size, filled once, instead of doubling
      // copies that would each be touched and left behind as garbage. Counts are lower bounds
      // after pruning, so the array may still have to grow.
      long trainWords = vocabulary.trainWords();
      long expected =
          trainWords + vocabulary.sentencesRead() + trainWords / FastConfig.MAX_SENTENCE_LENGTH + 1;
      if (expected > this.maxInMemory) {
        ints = new int[0];
        spill();
      } else {
        ints = new int[(int) Math.max(16, expected)];
      }
    }

    @Override
    public void token(String token) {
      int word = vocabulary.indexOf(token);
      if (word < 0) {
        return;
      }
      add(word);
      words++;
      if (++sentenceLength == FastConfig.MAX_SENTENCE_LENGTH) {
        endOfSentence();
      }
    }

    @Override
    public void endOfSentence() {
      if (sentenceLength > 0) {
        add(END);
        sentenceLength = 0;
      }
    }

    private void add(int value) {
      if (channel != null) {
        block.putInt(value);
        fileInts++;
        if (!block.hasRemaining()) {
          flush();
        }
        return;
      }
      if (size >= maxInMemory) {
        spill();
        add(value);
        return;
      }
      if (size == ints.length) {
        ints = Arrays.copyOf(ints, (int) Math.min(maxInMemory, Math.max(16L, 2L * size)));
      }
      ints[size++] = value;
    }

    private void spill() {
      try {
        file = Files.createTempFile("w2v-corpus-", ".ints");
        file.toFile().deleteOnExit();
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        block = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.nativeOrder());
        for (int i = 0; i < size; i++) {
          block.putInt(ints[i]);
          if (!block.hasRemaining()) {
            flush();
          }
        }
        fileInts = size;
        ints = null;
      } catch (IOException e) {
        throw new W2vException(
            "cannot create the temporary file for the encoded corpus (set java.io.tmpdir to a"
                + " folder with space): "
                + e.getMessage(),
            e);
      }
    }

    private void flush() {
      try {
        block.flip();
        while (block.hasRemaining()) {
          channel.write(block);
        }
        block.clear();
      } catch (IOException e) {
        throw new W2vException(
            "cannot write the encoded corpus to " + file + ": " + e.getMessage(), e);
      }
    }

    EncodedCorpus finish() {
      endOfSentence();
      if (channel == null) {
        return new InMemory(ints, size, words);
      }
      flush();
      try {
        channel.close();
        return Mapped.map(file, fileInts, words);
      } catch (IOException e) {
        throw new W2vException(
            "cannot map the encoded corpus in " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private static final class InMemory extends EncodedCorpus {
    private final int[] ints;
    private final int size;
    private final long words;

    InMemory(int[] ints, int size, long words) {
      this.ints = ints;
      this.size = size;
      this.words = words;
    }

    @Override
    public long words() {
      return words;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public int get(long position) {
      if (position >= size) {
        throw new IndexOutOfBoundsException("position " + position + " of " + size);
      }
      return ints[(int) position];
    }

    @Override
    public boolean mapped() {
      return false;
    }
  }

  private static final class Mapped extends EncodedCorpus {
    private static final int CHUNK_SHIFT = 28; // 2^28 ints = 1 GiB per mapping
    private static final long CHUNK_MASK = (1L << CHUNK_SHIFT) - 1;
    private final IntBuffer[] chunks;
    private final long size;
    private final long words;

    private Mapped(IntBuffer[] chunks, long size, long words) {
      this.chunks = chunks;
      this.size = size;
      this.words = words;
    }

    @Override
    public long words() {
      return words;
    }

    static Mapped map(Path file, long size, long words) throws IOException {
      List<IntBuffer> chunks = new ArrayList<>();
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        for (long start = 0; start < size; start += 1L << CHUNK_SHIFT) {
          long ints = Math.min(1L << CHUNK_SHIFT, size - start);
          MappedByteBuffer buffer =
              channel.map(
                  FileChannel.MapMode.READ_ONLY, start * Integer.BYTES, ints * Integer.BYTES);
          chunks.add(buffer.order(ByteOrder.nativeOrder()).asIntBuffer());
        }
      }
      try {
        Files.deleteIfExists(file); // the mapping stays valid; the space is freed when unmapped
      } catch (IOException e) {
        // Some systems refuse to delete a mapped file; deleteOnExit removes it later.
      }
      return new Mapped(chunks.toArray(new IntBuffer[0]), size, words);
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public int get(long position) {
      if (position < 0 || position >= size) {
        throw new IndexOutOfBoundsException("position " + position + " of " + size);
      }
      return chunks[(int) (position >>> CHUNK_SHIFT)].get((int) (position & CHUNK_MASK));
    }

    @Override
    public boolean mapped() {
      return true;
    }
  }
}
