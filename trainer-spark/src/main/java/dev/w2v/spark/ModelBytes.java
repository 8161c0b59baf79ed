package dev.w2v.spark;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.zip.CRC32C;

/**
 * One round's model as it is broadcast: the matrices' floats as bytes, in blocks of at most 256 MB
 * so that a model of any size fits Java's arrays.
 *
 * <p>Bytes rather than {@code float[]}, so that no task can train on an object the driver or
 * another task also holds: in local mode Spark hands every task the driver's own broadcast value,
 * and on a cluster every executor's tasks share one; each task {@linkplain #copyInto decodes} a
 * copy of its own, as it would in a JVM of its own. The driver checks {@link #checksum()} after
 * each round, so a task that wrote to the shared value would be caught.
 */
final class ModelBytes implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Floats per block: 2^26, 256 MB. */
  static final int BLOCK_SHIFT = 26;

  private static final int BLOCK = 1 << BLOCK_SHIFT;

  private final byte[][][] matrices;
  private final int[] lengths;

  private ModelBytes(byte[][][] matrices, int[] lengths) {
    this.matrices = matrices;
    this.lengths = lengths;
  }

  /** The matrices' current values. */
  static ModelBytes of(float[]... matrices) {
    byte[][][] blocks = new byte[matrices.length][][];
    int[] lengths = new int[matrices.length];
    for (int m = 0; m < matrices.length; m++) {
      float[] matrix = matrices[m];
      lengths[m] = matrix.length;
      int count = (matrix.length + BLOCK - 1) / BLOCK;
      blocks[m] = new byte[count][];
      for (int b = 0; b < count; b++) {
        int from = b * BLOCK;
        int n = Math.min(BLOCK, matrix.length - from);
        byte[] bytes = new byte[n * Float.BYTES];
        floats(bytes).put(matrix, from, n);
        blocks[m][b] = bytes;
      }
    }
    return new ModelBytes(blocks, lengths);
  }

  private static FloatBuffer floats(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  /** The number of matrices. */
  int matrices() {
    return lengths.length;
  }

  /** The floats of matrix {@code m}. */
  int length(int m) {
    return lengths[m];
  }

  /** A fresh copy of matrix {@code m}. */
  float[] copy(int m) {
    float[] out = new float[lengths[m]];
    copyInto(m, out);
    return out;
  }

  /** Decodes matrix {@code m} into {@code target}. */
  void copyInto(int m, float[] target) {
    for (int b = 0; b < matrices[m].length; b++) {
      FloatBuffer block = floats(matrices[m][b]);
      block.get(target, b * BLOCK, block.remaining());
    }
  }

  /** A reader of matrix {@code m}'s values by index, for comparing a task's result with it. */
  Reader reader(int m) {
    return new Reader(matrices[m]);
  }

  /** Reads one matrix's floats in order of index; not thread-safe. */
  static final class Reader {
    private final FloatBuffer[] blocks;

    private Reader(byte[][] blocks) {
      this.blocks = new FloatBuffer[blocks.length];
      for (int b = 0; b < blocks.length; b++) {
        this.blocks[b] = floats(blocks[b]);
      }
    }

    /** The value at {@code index}. */
    float get(long index) {
      return blocks[(int) (index >>> BLOCK_SHIFT)].get((int) (index & (BLOCK - 1)));
    }
  }

  /** CRC-32C of every byte, to prove afterwards that no one wrote to them. */
  long checksum() {
    CRC32C crc = new CRC32C();
    for (byte[][] matrix : matrices) {
      for (byte[] block : matrix) {
        crc.update(block);
      }
    }
    return crc.getValue();
  }

  /** The bytes held. */
  long bytes() {
    long n = 0;
    for (int length : lengths) {
      n += (long) length * Float.BYTES;
    }
    return n;
  }
}
