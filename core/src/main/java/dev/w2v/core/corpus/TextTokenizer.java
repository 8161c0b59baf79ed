package dev.w2v.core.corpus;

import dev.w2v.core.W2vException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits one stream of UTF-8 text into tokens and sentence ends, holding nothing but the token
 * being read: a line of any length costs no memory. Tokens are separated by whitespace, ASCII or
 * not (as Python's {@code str.split()} separates them, so vocabularies match gensim's); a line end
 * closes a sentence.
 *
 * <p>The bytes are checked as they pass (well-formed UTF-8, no overlong forms, no surrogates, no
 * NUL), so invalid input is an error naming the source, the line and the byte offset instead of
 * text silently repaired with U+FFFD. Decoding works on bytes rather than through a {@code Reader}
 * because a reader decodes ahead in blocks and cannot say where a bad byte was.
 */
final class TextTokenizer {

  /** A token longer than this is not a word: the input is not whitespace-separated text. */
  static final int MAX_TOKEN_BYTES = 1 << 16;

  private static final byte[] SST_HEADER =
      CorpusFormat.SST_HEADER.getBytes(StandardCharsets.US_ASCII);

  private final String source;
  private final InputStream in;
  private final CorpusFormat format;
  private final boolean lowercase;
  private final byte[] buffer = new byte[1 << 16];
  private int limit;
  private long consumedBefore;
  private long line = 1;

  /**
   * @param source how messages name the input, such as {@code corpus data/a.txt}
   * @param format SST, TEXT or AUTO (SST when the first line is SST's header)
   */
  TextTokenizer(String source, InputStream in, CorpusFormat format, boolean lowercase) {
    this.source = source;
    this.in = in;
    this.format = format;
    this.lowercase = lowercase;
  }

  /** Reads the whole stream, passing every token and sentence end to {@code visitor}. */
  void read(TokenVisitor visitor) throws IOException {
    fill(0);
    boolean sst = format == CorpusFormat.SST || (format == CorpusFormat.AUTO && startsWithHeader());
    // Line state: whether the header or an SST index field is being skipped, and whether the
    // line has produced a token yet.
    boolean skippingHeader = sst;
    boolean inIndexField = false;
    boolean indexFieldHasText = false;
    boolean lineHasTokens = false;
    // UTF-8 state: continuation bytes still expected, and the range the next one must be in.
    int remaining = 0;
    int lower = 0x80;
    int upper = 0xBF;
    // The character being decoded, and how many bytes of the token came before it (-1 when it is
    // not part of a token: in the header or an SST index field).
    int codePoint = 0;
    int sequenceOffset = -1;
    int lead = 0;
    long leadOffset = 0;
    // The token being read: from tokenStart in the buffer, after the bytes saved in pending.
    byte[] pending = new byte[64];
    int pendingLength = 0;
    int tokenStart = -1;
    while (limit > 0) {
      for (int i = 0; i < limit; i++) {
        int b = buffer[i] & 0xFF;
        if (remaining > 0) {
          if (b < lower || b > upper) {
            throw invalid(
                leadOffset,
                lead,
                String.format(
                    Locale.ROOT, "is not followed by a valid UTF-8 byte (0x%02X is not)", b));
          }
          remaining--;
          lower = 0x80;
          upper = 0xBF;
          codePoint = (codePoint << 6) | (b & 0x3F);
          if (remaining == 0 && sequenceOffset >= 0 && isUnicodeSpace(codePoint)) {
            // A non-ASCII space (U+00A0, U+2003, U+3000...) separates tokens as Python's
            // str.split() does: the token is what came before the character.
            if (sequenceOffset > 0) {
              visitor.token(
                  sequenceOffset <= pendingLength
                      ? token(pending, sequenceOffset, 0, 0)
                      : token(
                          pending,
                          pendingLength,
                          tokenStart,
                          tokenStart + sequenceOffset - pendingLength));
              lineHasTokens = true;
            }
            pendingLength = 0;
            tokenStart = -1;
          }
          continue;
        }
        if (b >= 0x80) {
          switch (b >>> 4) {
            case 0xC, 0xD -> {
              if (b < 0xC2) {
                throw invalid(consumedBefore + i, b, "starts an overlong UTF-8 sequence");
              }
              remaining = 1;
            }
            case 0xE -> {
              remaining = 2;
              lower = b == 0xE0 ? 0xA0 : 0x80;
              upper = b == 0xED ? 0x9F : 0xBF;
            }
            case 0xF -> {
              if (b > 0xF4) {
                throw invalid(consumedBefore + i, b, "is never part of UTF-8");
              }
              remaining = 3;
              lower = b == 0xF0 ? 0x90 : 0x80;
              upper = b == 0xF4 ? 0x8F : 0xBF;
            }
            default ->
                throw invalid(
                    consumedBefore + i, b, "is a UTF-8 continuation byte without a start");
          }
          codePoint = b & (0x3F >> remaining);
          sequenceOffset = -1;
          lead = b;
          leadOffset = consumedBefore + i;
          if (skippingHeader) {
            continue;
          }
          if (inIndexField) {
            indexFieldHasText = true;
            continue;
          }
          if (tokenStart < 0) {
            tokenStart = i;
          }
          sequenceOffset = pendingLength + i - tokenStart;
          continue;
        }
        if (b == 0) {
          throw invalid(
              consumedBefore + i, b, "(NUL) does not occur in text: is this a binary file?");
        }
        boolean newline = b == '\n';
        if (skippingHeader) {
          if (newline) {
            skippingHeader = false;
            inIndexField = true;
            line++;
          }
          continue;
        }
        if (inIndexField) {
          if (b == '\t') {
            inIndexField = false;
          } else if (newline) {
            if (indexFieldHasText) {
              throw new W2vException(
                  source
                      + ", line "
                      + line
                      + ": expected 'index<TAB>sentence' as in SST's datasetSentences.txt;"
                      + " use --set corpus-format=text for plain text");
            }
            line++;
          } else if (!isSpace(b)) {
            indexFieldHasText = true;
          }
          continue;
        }
        if (isSpace(b) || newline) {
          if (tokenStart >= 0 || pendingLength > 0) {
            visitor.token(token(pending, pendingLength, tokenStart, i));
            pendingLength = 0;
            tokenStart = -1;
            lineHasTokens = true;
          }
          if (newline) {
            if (lineHasTokens) {
              visitor.endOfSentence();
              lineHasTokens = false;
            }
            line++;
            inIndexField = sst;
            indexFieldHasText = false;
          }
          continue;
        }
        if (tokenStart < 0) {
          tokenStart = i;
        }
      }
      if (tokenStart >= 0) {
        // The token goes on in the next buffer: keep its bytes so far.
        int length = limit - tokenStart;
        checkTokenLength(pendingLength + length);
        if (pendingLength + length > pending.length) {
          pending = Arrays.copyOf(pending, Math.max(2 * pending.length, pendingLength + length));
        }
        System.arraycopy(buffer, tokenStart, pending, pendingLength, length);
        pendingLength += length;
      }
      consumedBefore += limit;
      fill(0);
      tokenStart = pendingLength > 0 ? 0 : -1;
    }
    if (remaining > 0) {
      throw new W2vException(
          source + ", line " + line + ": the text ends inside a UTF-8 sequence (truncated file?)");
    }
    if (pendingLength > 0) {
      visitor.token(token(pending, pendingLength, 0, 0));
      lineHasTokens = true;
    }
    if (lineHasTokens) {
      visitor.endOfSentence();
    }
  }

  private String token(byte[] pending, int pendingLength, int start, int end) {
    String text;
    if (pendingLength == 0) {
      checkTokenLength(end - start);
      text = new String(buffer, start, end - start, StandardCharsets.UTF_8);
    } else {
      int more = end - start;
      checkTokenLength(pendingLength + more);
      if (pendingLength + more > pending.length) {
        pending = Arrays.copyOf(pending, pendingLength + more);
      }
      if (more > 0) {
        System.arraycopy(buffer, start, pending, pendingLength, more);
      }
      text = new String(pending, 0, pendingLength + more, StandardCharsets.UTF_8);
    }
    return lowercase ? text.toLowerCase(Locale.ROOT) : text;
  }

  private void checkTokenLength(int bytes) {
    if (bytes > MAX_TOKEN_BYTES) {
      throw new W2vException(
          source
              + ", line "
              + line
              + ": a token longer than "
              + MAX_TOKEN_BYTES
              + " bytes; the corpus must be text with words separated by spaces");
    }
  }

  /** Python's idea of a space beyond ASCII: Java's whitespace and space separators. */
  private static boolean isUnicodeSpace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  private static boolean isSpace(int b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B;
  }

  private W2vException invalid(long offset, int b, String what) {
    return new W2vException(
        String.format(
            Locale.ROOT,
            "%s, line %d, byte offset %d: byte 0x%02X %s; the corpus must be UTF-8 text"
                + " (re-encode it, for example with iconv -f latin1 -t utf-8)",
            source,
            line,
            offset,
            b,
            what));
  }

  /** Whether the buffer starts with SST's header line. */
  private boolean startsWithHeader() {
    int n = SST_HEADER.length;
    if (limit < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buffer[i] != SST_HEADER[i]) {
        return false;
      }
    }
    int j = n;
    while (j < limit && (buffer[j] == ' ' || buffer[j] == '\t' || buffer[j] == '\r')) {
      j++;
    }
    return j == limit || buffer[j] == '\n';
  }

  /** Refills the buffer from {@code from}; limit 0 at the end of the stream. */
  private void fill(int from) throws IOException {
    int n = from;
    while (n < buffer.length) {
      int read = in.read(buffer, n, buffer.length - n);
      if (read < 0) {
        break;
      }
      n += read;
    }
    limit = n;
  }
}
