package dev.w2v.core.checkpoint;

import com.google.common.io.ByteStreams;
import dev.w2v.core.W2vException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Checkpoints in a folder, written so that a crash at any moment leaves the last good one intact:
 * each is written to a temporary file, forced to disk, renamed into place atomically, and the
 * folder is forced too. A CRC-32C over the content is verified on load.
 */
public final class CheckpointStore {

  private static final long MAGIC = 0x5732_5643_4B50_5431L; // "W2VCKPT1"
  private static final int FORMAT = 2;
  private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{12})\\.w2vc");

  private final Path folder;
  private final int keep;

  /**
   * @param folder where checkpoints live; created on the first save
   * @param keep how many of the newest checkpoints to keep, at least 1
   */
  public CheckpointStore(Path folder, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least one checkpoint");
    }
    this.folder = folder;
    this.keep = keep;
  }

  public Path folder() {
    return folder;
  }

  /** Writes {@code checkpoint} atomically and prunes old ones; returns its file. */
  public Path save(Checkpoint checkpoint) {
    Path target = folder.resolve(String.format("checkpoint-%012d.w2vc", checkpoint.position()));
    Path temporary = folder.resolve("." + target.getFileName() + ".tmp");
    try {
      Files.createDirectories(folder);
      try (FileChannel channel =
              FileChannel.open(
                  temporary,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE);
          OutputStream raw = java.nio.channels.Channels.newOutputStream(channel)) {
        CRC32C crc = new CRC32C();
        DataOutputStream out =
            new DataOutputStream(
                new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
        write(out, checkpoint);
        out.flush();
        // The checksum itself is outside the checked stream.
        DataOutputStream tail = new DataOutputStream(raw);
        tail.writeLong(crc.getValue());
        tail.flush();
        channel.force(true);
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      forceFolder();
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // The original failure is the one to report.
      }
      throw new W2vException(
          "cannot write checkpoint "
              + target
              + ": "
              + e.getMessage()
              + "; check the output folder's space and permissions");
    }
    prune();
    return target;
  }

  private void forceFolder() {
    // Makes the rename durable on file systems that need it; some platforms cannot open a folder.
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not fatal: the file itself is on disk.
    }
  }

  private static void write(DataOutputStream out, Checkpoint c) throws IOException {
    out.writeLong(MAGIC);
    out.writeInt(FORMAT);
    out.writeUTF(c.fingerprint());
    out.writeLong(c.position());
    out.writeDouble(c.learningRate());
    out.writeDouble(c.loss());
    out.writeInt(c.randomStates().size());
    for (long[] state : c.randomStates()) {
      out.writeInt(state.length);
      for (long s : state) {
        out.writeLong(s);
      }
    }
    out.writeInt(c.matrices().size());
    // Big-endian floats as DataOutputStream writes them, a block at a time: one call per float
    // made a gigabyte model take tens of seconds to save.
    ByteBuffer block = ByteBuffer.allocate(1 << 16);
    for (float[] m : c.matrices()) {
      out.writeInt(m.length);
      for (int i = 0; i < m.length; ) {
        int n = Math.min(m.length - i, block.capacity() / Float.BYTES);
        block.clear();
        block.asFloatBuffer().put(m, i, n);
        out.write(block.array(), 0, n * Float.BYTES);
        i += n;
      }
    }
    out.writeInt(c.state().size());
    for (long[] values : c.state()) {
      out.writeInt(values.length);
      for (long v : values) {
        out.writeLong(v);
      }
    }
  }

  /** The checkpoint files present, newest first. */
  public List<Path> files() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
          .toList();
    } catch (IOException e) {
      throw new W2vException("cannot list checkpoints in " + folder + ": " + e.getMessage());
    }
  }

  /**
   * The newest checkpoint that reads back intact. A corrupt newer one is skipped with a message to
   * {@code warnings}.
   *
   * @return empty if there is no checkpoint at all
   * @throws W2vException if checkpoints exist but none is intact, naming the newest and its fault
   */
  public Optional<Stored> loadNewest(Consumer<String> warnings) {
    List<Path> files = files();
    String firstProblem = null;
    for (Path file : files) {
      try {
        return Optional.of(new Stored(file, load(file)));
      } catch (CorruptCheckpointException e) {
        String problem = "checkpoint " + file + " is corrupt (" + e.getMessage() + ")";
        if (firstProblem == null) {
          firstProblem = problem;
        }
        warnings.accept(problem + "; trying an older one");
      }
    }
    if (firstProblem != null) {
      throw new W2vException(
          firstProblem
              + " and no older checkpoint is intact; delete "
              + folder
              + " to start afresh");
    }
    return Optional.empty();
  }

  /** A checkpoint read back, with the file it came from. */
  public record Stored(Path file, Checkpoint checkpoint) {}

  /** Reads one checkpoint file, verifying its checksum. */
  public static Checkpoint load(Path file) throws CorruptCheckpointException {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new CorruptCheckpointException("unreadable: " + e.getMessage());
    }
    if (size < 8) {
      throw new CorruptCheckpointException("only " + size + " bytes");
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      CRC32C crc = new CRC32C();
      // Only the body is checked; the last 8 bytes are the stored checksum.
      DataInputStream in =
          new DataInputStream(new CheckedInputStream(ByteStreams.limit(raw, size - 8), crc));
      Checkpoint checkpoint = read(in, size);
      if (in.read() != -1) {
        throw new CorruptCheckpointException("unexpected bytes after the content");
      }
      long stored = new DataInputStream(raw).readLong();
      if (stored != crc.getValue()) {
        throw new CorruptCheckpointException("checksum mismatch");
      }
      return checkpoint;
    } catch (EOFException e) {
      throw new CorruptCheckpointException("truncated");
    } catch (IOException e) {
      throw new CorruptCheckpointException("unreadable: " + e.getMessage());
    }
  }

  private static Checkpoint read(DataInputStream in, long size)
      throws IOException, CorruptCheckpointException {
    if (in.readLong() != MAGIC) {
      throw new CorruptCheckpointException("not a w2v checkpoint");
    }
    int format = in.readInt();
    if (format != FORMAT) {
      throw new CorruptCheckpointException(
          "format " + format + ", this w2v reads format " + FORMAT);
    }
    String fingerprint = in.readUTF();
    long iteration = in.readLong();
    double rate = in.readDouble();
    double smoothed = in.readDouble();
    int generators = count(in.readInt(), 1 << 16, "generator count");
    List<long[]> states = new ArrayList<>();
    for (int g = 0; g < generators; g++) {
      long[] state = new long[count(in.readInt(), 64, "generator state length")];
      for (int i = 0; i < state.length; i++) {
        state[i] = in.readLong();
      }
      states.add(state);
    }
    int matrices = count(in.readInt(), 64, "matrix count");
    int maxFloats = (int) Math.min(Integer.MAX_VALUE - 16, size / 4);
    byte[] block = new byte[1 << 16];
    List<float[]> data = new ArrayList<>();
    for (int m = 0; m < matrices; m++) {
      // Bounded by the file size so a corrupt length cannot ask for gigabytes.
      float[] values = new float[count(in.readInt(), maxFloats, "matrix size")];
      for (int i = 0; i < values.length; ) {
        int n = Math.min(values.length - i, block.length / Float.BYTES);
        in.readFully(block, 0, n * Float.BYTES);
        ByteBuffer.wrap(block, 0, n * Float.BYTES).asFloatBuffer().get(values, i, n);
        i += n;
      }
      data.add(values);
    }
    int stateCount = count(in.readInt(), 1 << 16, "state count");
    List<long[]> state = new ArrayList<>();
    for (int k = 0; k < stateCount; k++) {
      long[] values =
          new long[count(in.readInt(), (int) Math.min(1 << 24, size / 8), "state size")];
      for (int i = 0; i < values.length; i++) {
        values[i] = in.readLong();
      }
      state.add(values);
    }
    return new Checkpoint(fingerprint, iteration, rate, smoothed, states, data, state);
  }

  private static int count(int value, int max, String what) throws CorruptCheckpointException {
    if (value < 0 || value > max) {
      throw new CorruptCheckpointException(what + " " + value + " is out of range");
    }
    return value;
  }

  private void prune() {
    List<Path> files = files();
    for (int i = keep; i < files.size(); i++) {
      try {
        Files.deleteIfExists(files.get(i));
      } catch (IOException e) {
        // An old checkpoint left behind costs only space.
      }
    }
  }

  /** The iteration a checkpoint file name records, for listings. */
  public static long iterationOf(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** A checkpoint file that does not read back as written. */
  public static final class CorruptCheckpointException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptCheckpointException(String message) {
      super(message);
    }
  }
}
