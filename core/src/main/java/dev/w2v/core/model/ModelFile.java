package dev.w2v.core.model;

import com.google.common.io.ByteStreams;
import dev.w2v.core.W2vException;
import dev.w2v.core.corpus.Vocabulary;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The model file, {@code model.w2v}: everything a later run continues from, in one file written
 * atomically (a temporary file renamed into place) and checked by a CRC-32C on reading.
 *
 * <p>Layout, big-endian: the magic {@code W2VMODL1}, the format number (1), the loss name (modified
 * UTF-8 as {@link DataOutputStream#writeUTF}), V, d, the output rows (0 when unknown), whether the
 * counts are known; V times (word length in bytes, the word's UTF-8 bytes, its count as a long);
 * the V x d input floats; the rows x d output floats; the CRC-32C of all that as a long. The floats
 * are IEEE 754 bits, so a model reads back bit for bit.
 */
public final class ModelFile {

  private static final long MAGIC = 0x5732_564D_4F44_4C31L; // "W2VMODL1"
  private static final int FORMAT = 1;
  private static final int MAX_WORD_BYTES = 1 << 16;

  private ModelFile() {}

  /** Whether {@code file} starts with the model file's magic bytes. */
  public static boolean isModelFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(8);
      return head.length == 8 && ByteBuffer.wrap(head).getLong() == MAGIC;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes {@code model} to {@code file}, replacing it only once the new file is complete.
   *
   * @throws W2vException if it cannot be written
   */
  public static void write(SavedModel model, Path file) {
    Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (FileChannel channel =
              FileChannel.open(
                  temporary,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE);
          OutputStream raw = Channels.newOutputStream(channel)) {
        CRC32C crc = new CRC32C();
        DataOutputStream out =
            new DataOutputStream(
                new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
        write(out, model);
        out.flush();
        new DataOutputStream(raw).writeLong(crc.getValue());
        channel.force(true);
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // The original failure is the one to report.
      }
      throw new W2vException(
          "cannot write model file "
              + file
              + ": "
              + e.getMessage()
              + "; check the folder's space and permissions");
    }
  }

  private static void write(DataOutputStream out, SavedModel model) throws IOException {
    Vocabulary vocabulary = model.vocabulary();
    out.writeLong(MAGIC);
    out.writeInt(FORMAT);
    out.writeUTF(model.loss());
    out.writeInt(vocabulary.size());
    out.writeInt(model.dimension());
    out.writeInt(model.outputRows());
    out.writeBoolean(model.countsKnown());
    for (int i = 0; i < vocabulary.size(); i++) {
      byte[] word = vocabulary.word(i).getBytes(StandardCharsets.UTF_8);
      out.writeInt(word.length);
      out.write(word);
      out.writeLong(vocabulary.count(i));
    }
    writeFloats(out, model.input());
    writeFloats(out, model.output());
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    // A block at a time: one call per float made a gigabyte model take tens of seconds.
    ByteBuffer block = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
    for (int i = 0; i < values.length; ) {
      int n = Math.min(values.length - i, block.capacity() / Float.BYTES);
      block.clear();
      block.asFloatBuffer().put(values, i, n);
      out.write(block.array(), 0, n * Float.BYTES);
      i += n;
    }
  }

  /**
   * Reads a model file, verifying its checksum.
   *
   * @throws W2vException naming the file and what is wrong with it
   */
  public static SavedModel read(Path file) {
    long size = size(file);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      CRC32C crc = new CRC32C();
      DataInputStream in =
          new DataInputStream(new CheckedInputStream(ByteStreams.limit(raw, size - 8), crc));
      SavedModel model = read(in, file, size);
      if (in.read() != -1) {
        throw damaged(file, "unexpected bytes after the weights");
      }
      if (new DataInputStream(raw).readLong() != crc.getValue()) {
        throw damaged(file, "checksum mismatch");
      }
      return model;
    } catch (EOFException e) {
      throw damaged(file, "truncated");
    } catch (IOException e) {
      throw new W2vException("cannot read model file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The dimension in a model file's header. */
  static int dimensionOf(Path file) {
    size(file);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      Header header = header(in, file);
      return header.dimension;
    } catch (EOFException e) {
      throw damaged(file, "truncated");
    } catch (IOException e) {
      throw new W2vException("cannot read model file " + file + ": " + e.getMessage(), e);
    }
  }

  private record Header(String loss, int words, int dimension, int outputRows, boolean counts) {}

  private static Header header(DataInputStream in, Path file) throws IOException {
    if (in.readLong() != MAGIC) {
      throw damaged(file, "not a w2v model file");
    }
    int format = in.readInt();
    if (format != FORMAT) {
      throw new W2vException(
          "model file "
              + file
              + " has format "
              + format
              + ", but this w2v reads format "
              + FORMAT
              + "; read it with the w2v that wrote it");
    }
    String loss = in.readUTF();
    int words = in.readInt();
    int dimension = in.readInt();
    int outputRows = in.readInt();
    boolean counts = in.readBoolean();
    if (words < 1 || dimension < 1 || outputRows < 0) {
      throw damaged(
          file,
          "header says " + words + " words, dimension " + dimension + ", " + outputRows + " rows");
    }
    return new Header(loss, words, dimension, outputRows, counts);
  }

  private static SavedModel read(DataInputStream in, Path file, long size) throws IOException {
    Header h = header(in, file);
    // Checked against the file's size before anything is allocated, so that a damaged header
    // cannot ask for gigabytes.
    long floats = ((long) h.words + h.outputRows) * h.dimension;
    if (floats * Float.BYTES + (long) h.words * 12 > size
        || (long) h.words * h.dimension > Integer.MAX_VALUE - 16
        || (long) h.outputRows * h.dimension > Integer.MAX_VALUE - 16) {
      throw damaged(
          file,
          "header says "
              + h.words
              + " words x "
              + h.dimension
              + " and "
              + h.outputRows
              + " output rows, more than the file holds");
    }
    List<String> words = new ArrayList<>(h.words);
    long[] counts = new long[h.words];
    byte[] bytes = new byte[256];
    for (int i = 0; i < h.words; i++) {
      int length = in.readInt();
      if (length < 1 || length > MAX_WORD_BYTES) {
        throw damaged(file, "word " + (i + 1) + " has length " + length);
      }
      if (length > bytes.length) {
        bytes = new byte[length];
      }
      in.readFully(bytes, 0, length);
      words.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
      counts[i] = in.readLong();
      if (counts[i] < 0) {
        throw damaged(file, "word " + (i + 1) + " has a negative count");
      }
    }
    Vocabulary vocabulary;
    try {
      vocabulary = Vocabulary.of(words, counts);
    } catch (IllegalArgumentException e) {
      throw damaged(file, e.getMessage());
    }
    float[] input = readFloats(in, h.words * h.dimension);
    float[] output = readFloats(in, h.outputRows * h.dimension);
    return new SavedModel(
        vocabulary, h.dimension, input, output, h.loss, h.counts, file.toString());
  }

  private static float[] readFloats(DataInputStream in, int n) throws IOException {
    float[] values = new float[n];
    byte[] block = new byte[1 << 16];
    for (int i = 0; i < n; ) {
      int m = Math.min(n - i, block.length / Float.BYTES);
      in.readFully(block, 0, m * Float.BYTES);
      ByteBuffer.wrap(block, 0, m * Float.BYTES).asFloatBuffer().get(values, i, m);
      i += m;
    }
    return values;
  }

  private static long size(Path file) {
    try {
      long size = Files.size(file);
      if (size < 16) {
        throw damaged(file, "only " + size + " bytes");
      }
      return size;
    } catch (NoSuchFileException e) {
      throw new W2vException("model file " + file + " does not exist; check the path");
    } catch (IOException e) {
      throw new W2vException("cannot read model file " + file + ": " + e.getMessage(), e);
    }
  }

  private static W2vException damaged(Path file, String what) {
    return new W2vException(
        "model file " + file + " is damaged (" + what + "); save the model again");
  }
}
