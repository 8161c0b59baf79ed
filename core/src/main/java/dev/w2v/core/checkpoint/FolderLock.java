package dev.w2v.core.checkpoint;

import dev.w2v.core.W2vException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps a second run out of a folder in use: an operating-system lock on {@code .w2v.lock} in the
 * folder, held for the whole run, with the holder's process id written in the file so that the
 * refusal can name it, and emptied when the run ends. The system drops the lock when the process
 * dies however it dies, so a lock file a killed run left non-empty is taken over, with a warning.
 */
public final class FolderLock implements AutoCloseable {

  /** The lock file's name inside the folder. */
  public static final String FILE = ".w2v.lock";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code folder} (creating it) for this process.
   *
   * @param what the run, for the file and the other process's message, such as {@code w2v train}
   * @param warnings receives the line about a stale lock taken over
   * @throws W2vException if another live run holds the folder, naming its process
   */
  public static FolderLock acquire(Path folder, String what, Consumer<String> warnings) {
    Path file = folder.resolve(FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(folder);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this very process, through another channel
      }
      String previous = read(channel);
      if (lock == null) {
        channel.close();
        throw new W2vException(
            "the output folder "
                + folder
                + " is in use by "
                + describe(previous)
                + "; wait for it to finish, or choose another --out");
      }
      if (!previous.isBlank()) {
        warnings.accept(
            "taking over "
                + file
                + ", left by "
                + describe(previous)
                + ", which ended without releasing it (killed or crashed)");
      }
      String mine =
          "pid="
              + ProcessHandle.current().pid()
              + "\nstarted="
              + Instant.now()
              + "\nrun="
              + what
              + "\n";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(mine.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new FolderLock(file, channel, lock);
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // The failure to lock is the one to report.
        }
      }
      throw new W2vException(
          "cannot lock the output folder "
              + folder
              + " ("
              + e.getMessage()
              + "); check its permissions or choose another --out");
    }
  }

  private static String read(FileChannel channel) throws IOException {
    long size = Math.min(channel.size(), 4096);
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  /** "process 1234 (w2v train, started 2026-...)" from a lock file's content. */
  private static String describe(String content) {
    String pid = field(content, "pid");
    String run = field(content, "run");
    String started = field(content, "started");
    if (pid == null) {
      return "another run";
    }
    return "process "
        + pid
        + (run == null ? "" : " (" + run + (started == null ? "" : ", started " + started) + ")");
  }

  private static String field(String content, String name) {
    for (String line : content.split("\n")) {
      if (line.startsWith(name + "=")) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return null;
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /**
   * Empties the lock file and releases the lock. The file stays: deleting it would let a run that
   * opened it just before lock a file no longer in the folder while a third run locks a new one.
   */
  @Override
  public void close() {
    try {
      channel.truncate(0);
      channel.force(true);
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The system releases the lock when the process ends anyway.
    }
  }
}
