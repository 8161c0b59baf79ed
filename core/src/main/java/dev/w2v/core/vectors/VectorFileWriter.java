package dev.w2v.core.vectors;

import dev.w2v.core.W2vException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes word2vec vector files that word2vec C and gensim's {@code
 * KeyedVectors.load_word2vec_format} read back exactly. Text values use {@link
 * Float#toString(float)}, a decimal that parses back to the same float32 both in Java and in Python
 * (which parses to double and then rounds to float32: the decimal lies inside the float's rounding
 * interval, so both paths land on the same value). Binary values are written bit for bit,
 * little-endian, and each row ends with {@code \n} as word2vec C does.
 */
public final class VectorFileWriter {

  private VectorFileWriter() {}

  /**
   * Writes {@code vectors} to {@code file} in {@code format}, replacing the file.
   *
   * @throws W2vException if a word contains a space or newline (no reader could split it) or the
   *     file cannot be written
   */
  public static void write(WordVectors vectors, Path file, VectorFormat format) {
    for (int i = 0; i < vectors.size(); i++) {
      String w = vectors.word(i);
      if (w.isEmpty() || w.indexOf(' ') >= 0 || w.indexOf('\n') >= 0) {
        throw new W2vException(
            "cannot write word "
                + (i + 1)
                + " '"
                + w
                + "' to "
                + file
                + ": words in a vector file must be non-empty and contain no space or newline");
      }
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(vectors, out, format);
    } catch (IOException e) {
      throw new W2vException("cannot write vector file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(WordVectors vectors, OutputStream out, VectorFormat format)
      throws IOException {
    int d = vectors.dim();
    float[] data = vectors.sharedData();
    out.write((vectors.size() + " " + d + "\n").getBytes(StandardCharsets.US_ASCII));
    byte[] floatBytes = new byte[4 * d];
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < vectors.size(); i++) {
      byte[] word = vectors.word(i).getBytes(StandardCharsets.UTF_8);
      out.write(word);
      if (format == VectorFormat.BINARY) {
        out.write(' ');
        for (int j = 0; j < d; j++) {
          int bits = Float.floatToRawIntBits(data[i * d + j]);
          floatBytes[4 * j] = (byte) bits;
          floatBytes[4 * j + 1] = (byte) (bits >>> 8);
          floatBytes[4 * j + 2] = (byte) (bits >>> 16);
          floatBytes[4 * j + 3] = (byte) (bits >>> 24);
        }
        out.write(floatBytes);
      } else {
        line.setLength(0);
        for (int j = 0; j < d; j++) {
          line.append(' ').append(data[i * d + j]);
        }
        out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
      }
      out.write('\n');
    }
  }
}
