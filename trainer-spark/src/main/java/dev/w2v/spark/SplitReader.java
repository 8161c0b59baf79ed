package dev.w2v.spark;

import dev.w2v.core.W2vException;
import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.Row;

/**
 * Walks the rows a task of Spark's file scan receives, one split (a consecutive part of one file)
 * at a time, and hands each split to core's reader as a {@link CorpusSource} of its own: the same
 * tokenizer, lower-casing and strict UTF-8 as a local run, with errors naming the file and the byte
 * where the split starts.
 *
 * <p>Rows are {@code (bytes, file path, split start)}: the line's raw bytes, so that invalid UTF-8
 * is refused as it is locally instead of being replaced by Spark's decoder.
 */
final class SplitReader {

  /** Where a split comes from. */
  record Split(String path, long start) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How messages name it. */
    String describe() {
      return "corpus " + path + (start == 0 ? "" : " (the part from byte " + start + ")");
    }
  }

  private final Iterator<Row> rows;
  private final CorpusFormat format;
  private final boolean lowercase;
  private final HadoopConf hadoop;
  private final Map<String, Boolean> sstFiles = new HashMap<>();
  private Row next;
  private Split current;

  SplitReader(Iterator<Row> rows, CorpusFormat format, boolean lowercase, HadoopConf hadoop) {
    this.rows = rows;
    this.format = format;
    this.lowercase = lowercase;
    this.hadoop = hadoop;
    this.next = rows.hasNext() ? rows.next() : null;
  }

  /**
   * Moves to the next split; false when there is none. Unread rows of the current one are skipped.
   */
  boolean nextSplit() {
    while (next != null && current != null && splitOf(next).equals(current)) {
      advance();
    }
    if (next == null) {
      current = null;
      return false;
    }
    current = splitOf(next);
    return true;
  }

  /** The current split. */
  Split split() {
    return current;
  }

  /** The current split as a corpus, to be read once. */
  CorpusSource source() {
    Split split = current;
    CorpusFormat splitFormat = format;
    boolean header = false;
    if (split.start() > 0 && format != CorpusFormat.TEXT) {
      // SST's header is the file's first line, which only the split from byte 0 sees.
      boolean sst = format == CorpusFormat.SST || isSst(split.path());
      splitFormat = sst ? CorpusFormat.SST : CorpusFormat.TEXT;
      header = sst;
    }
    boolean withHeader = header;
    return CorpusSource.ofStream(
        split.describe(), () -> stream(split, withHeader), splitFormat, lowercase);
  }

  private static Split splitOf(Row row) {
    return new Split(row.getString(1), row.getLong(2));
  }

  private void advance() {
    next = rows.hasNext() ? rows.next() : null;
  }

  /** The split's lines, each ended by a line feed, read as the rows come. */
  private InputStream stream(Split split, boolean header) {
    InputStream lines =
        new InputStream() {
          private byte[] line;
          private int at;

          @Override
          public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (len == 0) {
              return 0;
            }
            while (line == null || at > line.length) {
              if (next == null || !splitOf(next).equals(split)) {
                return -1;
              }
              line = (byte[]) next.get(0);
              at = 0;
              advance();
            }
            int n = 0;
            while (n < len && at <= line.length) {
              if (at == line.length) {
                b[off + n++] = '\n';
                at++;
                break;
              }
              int chunk = Math.min(len - n, line.length - at);
              System.arraycopy(line, at, b, off + n, chunk);
              at += chunk;
              n += chunk;
            }
            return n;
          }
        };
    if (!header) {
      return lines;
    }
    byte[] sstHeader = "sentence_index\tsentence\n".getBytes(StandardCharsets.US_ASCII);
    return new SequenceInputStream(new ByteArrayInputStream(sstHeader), lines);
  }

  /** Whether the file's first line is SST's header (auto format, for a split past byte 0). */
  private boolean isSst(String path) {
    return sstFiles.computeIfAbsent(path, this::firstLineIsSstHeader);
  }

  private boolean firstLineIsSstHeader(String path) {
    try {
      Path file = new Path(new URI(path));
      FileSystem fs = file.getFileSystem(hadoop.value());
      CompressionCodec codec = new CompressionCodecFactory(hadoop.value()).getCodec(file);
      try (FSDataInputStream raw = fs.open(file);
          InputStream in = codec == null ? raw : codec.createInputStream(raw);
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String first = reader.readLine();
        return first != null && first.strip().equals("sentence_index\tsentence");
      }
    } catch (IOException | java.net.URISyntaxException e) {
      throw new W2vException(
          "cannot read the first line of corpus " + path + ": " + e.getMessage());
    }
  }

  /** Rows left over after the last split: none, once {@link #nextSplit} returned false. */
  void checkDone() {
    if (next != null) {
      throw new NoSuchElementException("rows left: " + splitOf(next));
    }
  }
}
