package dev.w2v.core.vectors;

import dev.w2v.core.W2vException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads word2vec vector files in the text or binary layout (see {@link VectorFormat}), streaming
 * the file through a buffer into one flat {@code float[]}. Every malformed input is reported as a
 * {@link W2vException} naming the file and the line (text) or byte offset (binary); sizes in the
 * header are checked against the file size and the Java array limit before anything is allocated.
 */
public final class VectorFileReader {

  /** Largest array length the JVM reliably allocates. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private static final int MAX_HEADER = 256;

  /** Characters of decimal numbers, including NaN and Infinity, which the parser then refuses. */
  private static final String NUMBER_CHARS = "0123456789.-+eEINaNfinity";

  private static final int MAX_WORD_BYTES = 1 << 16;

  private VectorFileReader() {}

  /** Reads {@code file}, detecting whether it is text or binary. */
  public static WordVectors read(Path file) {
    return read(file, detect(file));
  }

  /** Reads {@code file} in the given format. */
  public static WordVectors read(Path file, VectorFormat format) {
    long fileSize;
    try {
      fileSize = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new W2vException("vector file " + file + " does not exist: check the path");
    } catch (IOException e) {
      throw new W2vException("cannot read vector file " + file + ": " + e.getMessage(), e);
    }
    try (ByteInput in = open(file)) {
      return format == VectorFormat.BINARY
          ? new Parse(file, in, fileSize).binary()
          : new Parse(file, in, fileSize).text();
    } catch (IOException e) {
      throw new W2vException("cannot read vector file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The dimension a vector file's header states, without reading the vectors.
   *
   * @throws W2vException if the file is missing or its header is not {@code V d}
   */
  public static int dimensionOf(Path file) {
    try (ByteInput in = open(file)) {
      return (int) new Parse(file, in, Long.MAX_VALUE).header()[1];
    } catch (NoSuchFileException e) {
      throw new W2vException("vector file " + file + " does not exist: check the path");
    } catch (IOException e) {
      throw new W2vException("cannot read vector file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decides the layout from the first row: in a text file everything after the first word up to the
   * newline is characters of decimal numbers and spaces; 4d raw float32 bytes almost never look
   * like that. Pass the format explicitly to {@link #read(Path, VectorFormat)} to skip this.
   */
  public static VectorFormat detect(Path file) {
    try (ByteInput in = open(file)) {
      Parse p = new Parse(file, in, Long.MAX_VALUE);
      long[] header = p.header();
      if (header[0] == 0) {
        return VectorFormat.TEXT;
      }
      int b;
      while ((b = in.read()) == '\n') {
        // a newline before the first word is allowed in both layouts
      }
      while (b >= 0 && b != ' ' && b != '\n') {
        b = in.read();
      }
      if (b != ' ') {
        return VectorFormat.TEXT;
      }
      boolean sawToken = false;
      for (long n = 0; n < 32 * header[1] + 64; n++) {
        b = in.read();
        if (b < 0 || b == '\n') {
          return sawToken ? VectorFormat.TEXT : VectorFormat.BINARY;
        }
        if (NUMBER_CHARS.indexOf(b) >= 0) {
          sawToken = true;
        } else if (b != ' ' && b != '\t' && b != '\r') {
          return VectorFormat.BINARY;
        }
      }
      return VectorFormat.BINARY;
    } catch (NoSuchFileException e) {
      throw new W2vException("vector file " + file + " does not exist: check the path");
    } catch (IOException e) {
      throw new W2vException("cannot read vector file " + file + ": " + e.getMessage(), e);
    }
  }

  private static ByteInput open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    return new ByteInput(new BufferedInputStream(raw, 1 << 16));
  }

  /** The state of one read: the file, its size, the decoder and the growing word buffer. */
  private static final class Parse {
    private final Path file;
    private final ByteInput in;
    private final long fileSize;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] bytes = new byte[256];

    Parse(Path file, ByteInput in, long fileSize) {
      this.file = file;
      this.in = in;
      this.fileSize = fileSize;
    }

    private W2vException error(String where, String what) {
      return new W2vException("vector file " + file + ", " + where + ": " + what);
    }

    /** Reads {@code V d} and checks both against the array limit; does not check file size. */
    long[] header() throws IOException {
      int n = 0;
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        if (n == MAX_HEADER) {
          throw error(
              "line 1",
              "the header is longer than "
                  + MAX_HEADER
                  + " bytes; expected 'V d' (word count and dimension): is this a word2vec file?");
        }
        bytes[n++] = (byte) b;
      }
      String line = new String(bytes, 0, n, StandardCharsets.ISO_8859_1).trim();
      String[] parts = line.split(" +");
      long v;
      long d;
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        v = Long.parseLong(parts[0]);
        d = Long.parseLong(parts[1]);
      } catch (NumberFormatException e) {
        throw error(
            "line 1",
            "header '"
                + abbreviate(line)
                + "' is not 'V d' (word count and dimension): is this a word2vec vector file?");
      }
      if (v < 0 || d <= 0) {
        throw error(
            "line 1",
            "header says "
                + v
                + " words of dimension "
                + d
                + "; both must be positive (V may be 0)");
      }
      if (v > MAX_ARRAY || d > MAX_ARRAY || v * d > MAX_ARRAY) {
        throw error(
            "line 1",
            "header says "
                + v
                + " words x "
                + d
                + " dimensions = "
                + (v > MAX_ARRAY || d > MAX_ARRAY ? "more than 2^62" : String.valueOf(v * d))
                + " floats, more than one Java array holds ("
                + MAX_ARRAY
                + "); the header is wrong or the file must be split");
      }
      return new long[] {v, d};
    }

    private void checkFits(long v, long d, long bytesPerRow, String layout) {
      // v * bytesPerRow cannot overflow: v and d are below 2^31 here
      long needed = v * bytesPerRow;
      if (needed > fileSize) {
        throw error(
            "line 1",
            "header says "
                + v
                + " words of dimension "
                + d
                + ", which needs at"
                + " least "
                + needed
                + " bytes in the "
                + layout
                + " layout, but the file has only "
                + fileSize
                + ": the header is wrong or the file is truncated");
      }
    }

    WordVectors text() throws IOException {
      long[] h = header();
      int v = (int) h[0];
      int d = (int) h[1];
      checkFits(v, d, 2L * d + 1, "text");
      String[] words = new String[v];
      float[] data = new float[v * d];
      Map<String, Integer> index = new HashMap<>(Math.max(16, v * 4 / 3 + 1));
      long line = 1;
      for (int row = 0; row < v; row++) {
        line++;
        int n = readLine();
        if (n < 0) {
          throw error(
              "line " + line,
              "the file ends after "
                  + row
                  + " of the "
                  + v
                  + " words its header announces: the file is truncated or the header is wrong");
        }
        int end = n;
        while (end > 0 && isBlank(bytes[end - 1])) {
          end--;
        }
        int wordEnd = 0;
        while (wordEnd < end && bytes[wordEnd] != ' ') {
          wordEnd++;
        }
        if (wordEnd == 0) {
          throw error(
              "line " + line,
              "expected a word followed by "
                  + d
                  + " numbers but the line is empty or starts with a space");
        }
        String word = decode(0, wordEnd, "line " + line);
        int values = 0;
        int p = wordEnd;
        int base = row * d;
        while (p < end) {
          while (p < end && bytes[p] == ' ') {
            p++;
          }
          int start = p;
          while (p < end && bytes[p] != ' ') {
            p++;
          }
          if (start == p) {
            break;
          }
          if (values == d) {
            throw error(
                "line " + line,
                "word '"
                    + abbreviate(word)
                    + "' has more than the "
                    + d
                    + " values the header announces");
          }
          String token = new String(bytes, start, p - start, StandardCharsets.ISO_8859_1);
          float f;
          try {
            f = Float.parseFloat(token);
          } catch (NumberFormatException e) {
            throw error(
                "line " + line,
                "value "
                    + (values + 1)
                    + " of word '"
                    + abbreviate(word)
                    + "' is '"
                    + abbreviate(token)
                    + "', not a number");
          }
          if (!Float.isFinite(f)) {
            throw error(
                "line " + line,
                "value "
                    + (values + 1)
                    + " of word '"
                    + abbreviate(word)
                    + "' is "
                    + f
                    + "; vectors must be finite (was training diverging?)");
          }
          data[base + values++] = f;
        }
        if (values != d) {
          throw error(
              "line " + line,
              "word '"
                  + abbreviate(word)
                  + "' has "
                  + values
                  + " values but the header"
                  + " announces "
                  + d);
        }
        addWord(index, words, row, word, "line " + line);
      }
      int extra = skipBlankLines();
      if (extra >= 0) {
        throw error(
            "line " + (line + 1 + extra),
            "more rows than the "
                + v
                + " words the header announces: fix the header or remove the extra rows");
      }
      return WordVectors.adopt(words, d, data, index);
    }

    WordVectors binary() throws IOException {
      long[] h = header();
      int v = (int) h[0];
      int d = (int) h[1];
      checkFits(v, d, 4L * d + 2, "binary");
      String[] words = new String[v];
      float[] data = new float[v * d];
      Map<String, Integer> index = new HashMap<>(Math.max(16, v * 4 / 3 + 1));
      for (int row = 0; row < v; row++) {
        // word2vec C ends each row with '\n'; gensim does not, so it is optional
        while (in.peek() == '\n') {
          in.read();
        }
        long wordOffset = in.offset();
        int n = 0;
        int b;
        while ((b = in.read()) >= 0 && b != ' ') {
          if (n == MAX_WORD_BYTES) {
            throw error(
                "byte offset " + wordOffset,
                "no space within "
                    + MAX_WORD_BYTES
                    + " bytes after the start of word "
                    + (row + 1)
                    + ": the file is not in the binary"
                    + " layout or is corrupt");
          }
          if (n == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
          }
          bytes[n++] = (byte) b;
        }
        if (b < 0) {
          throw error(
              "byte offset " + in.offset(),
              "the file ends after "
                  + row
                  + " of the "
                  + v
                  + " words its header announces: the file is truncated or the header is wrong");
        }
        if (n == 0) {
          throw error("byte offset " + wordOffset, "word " + (row + 1) + " is empty");
        }
        String word = decode(0, n, "byte offset " + wordOffset);
        int base = row * d;
        for (int j = 0; j < d; j++) {
          long at = in.offset();
          if (!in.readFloatLe(data, base + j)) {
            throw error(
                "byte offset " + at,
                "the file ends inside the vector of word "
                    + (row + 1)
                    + " '"
                    + abbreviate(word)
                    + "' ("
                    + j
                    + " of "
                    + d
                    + " values read): the file is truncated");
          }
          if (!Float.isFinite(data[base + j])) {
            throw error(
                "byte offset " + at,
                "value "
                    + (j + 1)
                    + " of word '"
                    + abbreviate(word)
                    + "' is "
                    + data[base + j]
                    + "; vectors must be finite (was training diverging?)");
          }
        }
        addWord(index, words, row, word, "byte offset " + wordOffset);
      }
      while (in.peek() == '\n' || in.peek() == '\r' || in.peek() == ' ') {
        in.read();
      }
      if (in.peek() >= 0) {
        throw error(
            "byte offset " + in.offset(),
            "more data than the "
                + v
                + " words the header announces: fix the header or remove the extra rows");
      }
      return WordVectors.adopt(words, d, data, index);
    }

    private void addWord(
        Map<String, Integer> index, String[] words, int row, String word, String where) {
      Integer previous = index.putIfAbsent(word, row);
      if (previous != null) {
        throw error(
            where,
            "duplicate word '"
                + abbreviate(word)
                + "' (first at row "
                + (previous + 1)
                + ", again at row "
                + (row + 1)
                + "): each word must appear once");
      }
      words[row] = word;
    }

    private String decode(int from, int to, String where) {
      try {
        CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, from, to - from));
        return chars.toString();
      } catch (CharacterCodingException e) {
        throw error(
            where,
            "a word is not valid UTF-8 (bytes "
                + hex(from, Math.min(to, from + 16))
                + "): re-encode the file as UTF-8");
      }
    }

    private String hex(int from, int to) {
      StringBuilder sb = new StringBuilder();
      for (int i = from; i < to; i++) {
        sb.append(String.format("%02x", bytes[i] & 0xff));
      }
      return sb.toString();
    }

    /** Reads one line into {@code bytes} without the newline; -1 at end of file. */
    private int readLine() throws IOException {
      int n = 0;
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      while (b >= 0 && b != '\n') {
        if (n == bytes.length) {
          if (bytes.length >= VectorFileReader.MAX_ARRAY / 2) {
            throw error("byte offset " + in.offset(), "a line is too long");
          }
          bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[n++] = (byte) b;
        b = in.read();
      }
      return n;
    }

    /** Skips blank trailing lines; returns -1 at end of file, else blank lines skipped. */
    private int skipBlankLines() throws IOException {
      int blank = 0;
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          blank++;
        } else if (!isBlank((byte) b)) {
          return blank;
        }
      }
      return -1;
    }

    private static boolean isBlank(byte b) {
      return b == ' ' || b == '\r' || b == '\t';
    }
  }

  /** At most 40 characters, control characters escaped, so that a message stays one line. */
  private static String abbreviate(String s) {
    String shown = s.length() <= 40 ? s : s.substring(0, 40) + "...";
    StringBuilder out = new StringBuilder(shown.length());
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
