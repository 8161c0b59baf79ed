package dev.w2v.core.vectors;

import java.io.IOException;
import java.io.InputStream;

/** A buffered byte reader that knows its byte offset, so errors can name where they happened. */
final class ByteInput implements AutoCloseable {

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private long consumedBefore;

  ByteInput(InputStream in) {
    this.in = in;
  }

  /** Offset of the next byte to be read. */
  long offset() {
    return consumedBefore + pos;
  }

  /** The next byte (0..255), or -1 at end of file. */
  int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  /** The next byte without consuming it, or -1. */
  int peek() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos] & 0xff;
  }

  /** Reads a little-endian float32; returns false (consuming what remained) at end of file. */
  boolean readFloatLe(float[] out, int at) throws IOException {
    if (limit - pos >= 4) {
      int bits =
          (buf[pos] & 0xff)
              | (buf[pos + 1] & 0xff) << 8
              | (buf[pos + 2] & 0xff) << 16
              | (buf[pos + 3] & 0xff) << 24;
      pos += 4;
      out[at] = Float.intBitsToFloat(bits);
      return true;
    }
    int bits = 0;
    for (int k = 0; k < 4; k++) {
      int b = read();
      if (b < 0) {
        return false;
      }
      bits |= b << (8 * k);
    }
    out[at] = Float.intBitsToFloat(bits);
    return true;
  }

  private boolean fill() throws IOException {
    consumedBefore += limit;
    pos = 0;
    limit = 0;
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
