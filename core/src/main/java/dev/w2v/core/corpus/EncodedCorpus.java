package dev.w2v.core.corpus;

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
 * A corpus as word indices, the form every trainer reads, so that epochs after the first do not
 * read text again. Position {@code i} holds a word index in {@code [0, V)} or {@link #END} for the
 * end of a sentence; words not in the vocabulary are left out, and a line longer than {@link
 * #MAX_SENTENCE_LENGTH} tokens is cut into pieces of that length, as word2vec C cuts it.
 *
 * <p>Small corpora live in an {@code int[]}; larger ones in a memory-mapped temporary file that is
 * deleted as soon as it is mapped (on systems that allow it; otherwise at exit). Read-only and safe
 * to share between threads once built.
 */
public abstract sealed class EncodedCorpus {

  /** The marker of a sentence end. */
  public static final int END = -1;

  /** word2vec C's cap on a sentence: longer lines are cut into pieces of this many tokens. */
  public static final int MAX_SENTENCE_LENGTH = 1000;

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
   * Encodes {@code source} with a known {@code vocabulary} in one pass (a distributed trainer
   * encodes its partitions so), in memory while at most {@code maxInMemory} positions are needed.
   */
  public static EncodedCorpus encode(CorpusSource source, Vocabulary vocabulary, long maxInMemory) {
    Builder builder = new Builder(maxInMemory, 0);
    source.read(
        new TokenVisitor() {
          @Override
          public void token(String token) {
            builder.word(vocabulary.indexOf(token));
          }

          @Override
          public void endOfSentence() {
            builder.endOfSentence();
          }
        });
    return builder.finish();
  }

  /** An in-memory corpus of the given positions (for tests and benchmarks). */
  public static EncodedCorpus of(int... positions) {
    long words = Arrays.stream(positions).filter(p -> p != END).count();
    return new InMemory(positions.clone(), positions.length, words);
  }

  /**
   * Writes positions in order, cutting lines at {@link #MAX_SENTENCE_LENGTH} tokens, into an {@code
   * int[]} up to a limit and into a temporary file beyond it. Ids below 0 are tokens that are left
   * out: they count towards the cut but take no position.
   */
  static final class Builder {
    private final long maxInMemory;
    private int[] ints;
    private int size;
    private int lineTokens;
    private int pieceWords;
    private Path file;
    private FileChannel channel;
    private ByteBuffer block;
    private long fileInts;
    private long words;

    /**
     * @param expected the positions expected, to size the array once rather than by doubling
     */
    Builder(long maxInMemory, long expected) {
      this.maxInMemory = Math.min(maxInMemory, Integer.MAX_VALUE - 16);
      if (expected > this.maxInMemory) {
        ints = new int[0];
        spill();
      } else {
        ints = new int[(int) Math.max(16, expected)];
      }
    }

    /** One token: its word index, or a negative value for a token left out. */
    void word(int index) {
      if (index >= 0) {
        add(index);
        words++;
        pieceWords++;
      }
      if (++lineTokens % MAX_SENTENCE_LENGTH == 0) {
        closePiece();
      }
    }

    void endOfSentence() {
      closePiece();
      lineTokens = 0;
    }

    private void closePiece() {
      if (pieceWords > 0) {
        add(END);
        pieceWords = 0;
      }
    }

    /** Positions written so far, for a caller that rewrites them in place. */
    long size() {
      return channel != null ? fileInts : size;
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
            "cannot write the encoded corpus to "
                + file
                + " (is the disk full?): "
                + e.getMessage(),
            e);
      }
    }

    /** The corpus written; the builder must not be used afterwards. */
    EncodedCorpus finish() {
      closePiece();
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

    /**
     * The corpus with every id replaced by {@code remap[id]} (negative: left out), sentences left
     * empty dropped. In memory the rewrite is done in place: it never writes ahead of what it
     * reads, because it only removes positions.
     */
    EncodedCorpus remap(int[] remap, long maxInMemory) {
      closePiece();
      if (channel == null) {
        int out = 0;
        long kept = 0;
        boolean pieceOpen = false;
        for (int i = 0; i < size; i++) {
          int id = ints[i];
          if (id == END) {
            if (pieceOpen) {
              ints[out++] = END;
              pieceOpen = false;
            }
          } else if (remap[id] >= 0) {
            ints[out++] = remap[id];
            kept++;
            pieceOpen = true;
          }
        }
        return new InMemory(ints, out, kept);
      }
      flush();
      Builder target = new Builder(maxInMemory, 0);
      try {
        channel.close();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
          ByteBuffer read = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.nativeOrder());
          boolean pieceOpen = false;
          while (true) {
            int n = in.read(read);
            read.flip();
            while (read.remaining() >= Integer.BYTES) {
              int id = read.getInt();
              if (id == END) {
                if (pieceOpen) {
                  target.add(END);
                  pieceOpen = false;
                }
              } else if (remap[id] >= 0) {
                target.add(remap[id]);
                target.words++;
                pieceOpen = true;
              }
            }
            read.compact();
            if (n < 0) {
              break;
            }
          }
        }
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new W2vException(
            "cannot rewrite the encoded corpus in " + file + ": " + e.getMessage(), e);
      }
      return target.finish();
    }

    /** Frees what was written: the caller encodes again. */
    void discard() {
      ints = null;
      if (channel != null) {
        try {
          channel.close();
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // Only space in the temporary folder is lost; deleteOnExit tries again.
        }
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
