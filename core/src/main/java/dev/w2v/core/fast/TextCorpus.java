package dev.w2v.core.fast;

import dev.w2v.core.W2vException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Plain-text files read as a stream of tokens: UTF-8 (malformed bytes become U+FFFD), tokens
 * separated by whitespace, a line end closing a sentence. Nothing is held beyond one token, so a
 * corpus of any size can be read. A folder stands for every regular file below it, in path order.
 */
public final class TextCorpus {

  /** Receives the tokens of a corpus in order. */
  public interface TokenVisitor {
    /** One token; already lower-cased if the corpus lower-cases. */
    void token(String token);

    /** The end of a line (or of a file whose last line has no line end). */
    void endOfSentence();
  }

  private final List<Path> files;
  private final boolean lowercase;

  private TextCorpus(List<Path> files, boolean lowercase) {
    this.files = List.copyOf(files);
    this.lowercase = lowercase;
  }

  /**
   * The files named by {@code paths}, each a file or a folder.
   *
   * @throws W2vException if a path does not exist or no file is found
   */
  public static TextCorpus of(List<Path> paths, boolean lowercase) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          throw new W2vException(
              "cannot list the corpus folder " + path + ": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new W2vException("corpus file or folder " + path + " does not exist");
      }
    }
    if (files.isEmpty()) {
      throw new W2vException("no corpus file found in " + paths);
    }
    return new TextCorpus(files, lowercase);
  }

  /** The files read, in order. */
  public List<Path> files() {
    return files;
  }

  /** Whether tokens are lower-cased. */
  public boolean lowercase() {
    return lowercase;
  }

  /** Reads every file once, in order, and passes its tokens and sentence ends to the visitor. */
  public void read(TokenVisitor visitor) {
    char[] buffer = new char[1 << 16];
    char[] token = new char[256];
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file);
          Reader reader =
              new InputStreamReader(
                  in,
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPLACE)
                      .onUnmappableCharacter(CodingErrorAction.REPLACE))) {
        int length = 0;
        boolean lineHasTokens = false;
        int n;
        while ((n = reader.read(buffer)) > 0) {
          for (int i = 0; i < n; i++) {
            char c = buffer[i];
            if (c == '\n' || Character.isWhitespace(c)) {
              if (length > 0) {
                visitor.token(text(token, length));
                length = 0;
                lineHasTokens = true;
              }
              if (c == '\n' && lineHasTokens) {
                visitor.endOfSentence();
                lineHasTokens = false;
              }
            } else {
              if (length == token.length) {
                token = java.util.Arrays.copyOf(token, length * 2);
              }
              token[length++] = c;
            }
          }
        }
        if (length > 0) {
          visitor.token(text(token, length));
          lineHasTokens = true;
        }
        if (lineHasTokens) {
          visitor.endOfSentence();
        }
      } catch (IOException e) {
        throw new W2vException("cannot read corpus file " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private String text(char[] token, int length) {
    String s = new String(token, 0, length);
    return lowercase ? s.toLowerCase(Locale.ROOT) : s;
  }
}
