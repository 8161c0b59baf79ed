package dev.w2v.core.corpus;

import dev.w2v.core.W2vException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file line by line as strict UTF-8. Each line is decoded on its own, so a malformed byte
 * sequence is reported with its line number (a Reader decodes whole buffers ahead and cannot say
 * which line was bad).
 */
public final class Utf8Lines implements Closeable {

  private final Path file;
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] buffer = new byte[256];
  private long lineNumber;

  public Utf8Lines(Path file) throws IOException {
    this.file = file;
    this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }

  /** The number of the line last returned, from 1. */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end.
   *
   * @throws W2vException naming the file and line if the line is not valid UTF-8
   */
  public String next() throws IOException {
    int length = 0;
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (length == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, length * 2);
      }
      buffer[length++] = (byte) b;
    }
    if (b == -1 && length == 0) {
      return null;
    }
    lineNumber++;
    if (length > 0 && buffer[length - 1] == '\r') {
      length--;
    }
    try {
      CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(buffer, 0, length));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new W2vException(
          file + ", line " + lineNumber + ": not valid UTF-8; re-encode the file as UTF-8");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
