package dev.w2v.core.corpus;

import dev.w2v.core.W2vException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Where a corpus's text comes from, and the one way it is read: files and folders (every regular
 * file below a folder, in path order), {@code -} for standard input, or lines held by a program.
 * Files compressed with gzip are recognised by their first bytes, whatever their name.
 *
 * <p>Every input is strict UTF-8: an invalid byte is an error naming the file, the line and the
 * byte offset. Nothing is held beyond the token being read, so a corpus or a line of any size can
 * be read. Thread-safe to share; standard input can be read only once.
 */
public final class CorpusSource {

  /** The path that stands for standard input. */
  public static final String STDIN = "-";

  /** A URI with a scheme other than {@code file:}, such as {@code hdfs://namenode/corpus}. */
  private static final java.util.regex.Pattern REMOTE =
      java.util.regex.Pattern.compile("(?!file:)[a-zA-Z][a-zA-Z0-9+.-]+://.*");

  private final List<Input> inputs;
  private final List<String> paths;
  private final String description;
  private final CorpusFormat format;
  private final boolean lowercase;

  private CorpusSource(
      List<Input> inputs, List<String> paths, CorpusFormat format, boolean lowercase) {
    this(
        inputs,
        paths,
        paths.isEmpty() ? "sentences given by the program" : String.join(", ", paths),
        format,
        lowercase);
  }

  private CorpusSource(
      List<Input> inputs,
      List<String> paths,
      String description,
      CorpusFormat format,
      boolean lowercase) {
    this.inputs = List.copyOf(inputs);
    this.paths = List.copyOf(paths);
    this.description = description;
    this.format = format;
    this.lowercase = lowercase;
  }

  /**
   * The files and folders {@code paths} ({@code -} for standard input), read in the given order.
   *
   * @throws W2vException if a path does not exist, a folder holds no file, or {@code -} is given
   *     twice
   */
  public static CorpusSource of(List<String> paths, CorpusFormat format, boolean lowercase) {
    Objects.requireNonNull(format, "format");
    if (paths.isEmpty()) {
      throw new W2vException("no corpus given: set --corpus to a file, a folder or - for stdin");
    }
    List<Input> inputs = new ArrayList<>();
    boolean stdin = false;
    for (String path : paths) {
      if (path.equals(STDIN)) {
        if (stdin) {
          throw new W2vException("--corpus names standard input (-) twice; it can be read once");
        }
        stdin = true;
        inputs.add(new StandardInput());
        continue;
      }
      if (REMOTE.matcher(path).matches()) {
        // hdfs:, s3a: and the like: a distributed trainer reads them its own way.
        inputs.add(new RemoteInput(path));
        continue;
      }
      Path p = Path.of(path.startsWith("file:") ? java.net.URI.create(path).getPath() : path);
      if (Files.isDirectory(p)) {
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          throw new W2vException("cannot list the corpus folder " + p + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
          throw new W2vException("the corpus folder " + p + " holds no file; check --corpus");
        }
        files.forEach(f -> inputs.add(new FileInput(f)));
      } else if (Files.isRegularFile(p)) {
        inputs.add(new FileInput(p));
      } else if (Files.exists(p)) {
        throw new W2vException("corpus " + p + " is neither a file nor a folder; check --corpus");
      } else {
        throw new W2vException("corpus " + p + " does not exist; check --corpus");
      }
    }
    return new CorpusSource(inputs, paths, format, lowercase);
  }

  /** One file or folder. */
  public static CorpusSource of(Path path, CorpusFormat format, boolean lowercase) {
    return of(List.of(path.toString()), format, lowercase);
  }

  /**
   * Sentences a program holds, one per element, read as plain text (tokens separated by
   * whitespace). The iterable is iterated once per read.
   */
  public static CorpusSource ofLines(Iterable<? extends CharSequence> lines, boolean lowercase) {
    Objects.requireNonNull(lines, "lines");
    return new CorpusSource(
        List.of(new LinesInput(lines, true)), List.of(), CorpusFormat.TEXT, lowercase);
  }

  /**
   * Like {@link #ofLines} for sentences that can be iterated only once (a stream): read in one
   * pass, as standard input is, even when the counting pass has to prune rare words.
   */
  public static CorpusSource ofLinesOnce(
      Iterable<? extends CharSequence> lines, boolean lowercase) {
    Objects.requireNonNull(lines, "lines");
    return new CorpusSource(
        List.of(new LinesInput(lines, false)), List.of(), CorpusFormat.TEXT, lowercase);
  }

  /** Opens a stream of text, afresh for each read. */
  @FunctionalInterface
  public interface TextStream {
    /** The stream, which the reader closes. */
    InputStream open() throws IOException;
  }

  /**
   * Text that is already decompressed, such as the part of a file a distributed trainer's task
   * reads, read with the same tokenizer and UTF-8 policy as a file: an error names {@code name},
   * the line within the stream and the byte offset. Never decompressed, since the bytes are the
   * text.
   *
   * @param name how messages name it, such as {@code corpus hdfs://nn/c.txt from byte 134217728}
   */
  public static CorpusSource ofStream(
      String name, TextStream text, CorpusFormat format, boolean lowercase) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(format, "format");
    return new CorpusSource(
        List.of(new StreamInput(name, text)), List.of(), name, format, lowercase);
  }

  /**
   * The paths as given, for a trainer that reads them its own way (a Spark job reads {@code hdfs:}
   * and {@code s3a:} paths); empty for a program's lines.
   */
  public List<String> paths() {
    return paths;
  }

  /**
   * Whether some path is a remote URI ({@code hdfs:}, {@code s3a:}) that only a distributed trainer
   * can read.
   */
  public boolean remote() {
    return inputs.stream().anyMatch(i -> i instanceof RemoteInput);
  }

  /** What the source reads, for messages and logs: the paths as given. */
  public String description() {
    return description;
  }

  /** The format every input is read in. */
  public CorpusFormat format() {
    return format;
  }

  /** Whether tokens are lower-cased (Locale.ROOT) while reading. */
  public boolean lowercase() {
    return lowercase;
  }

  /** Whether the source can be read more than once (standard input cannot). */
  public boolean rereadable() {
    return inputs.stream().allMatch(Input::rereadable);
  }

  /**
   * Reads every input once, in order, passing its tokens and sentence ends to {@code visitor}.
   *
   * @throws W2vException on unreadable or invalid input, naming where
   */
  public void read(TokenVisitor visitor) {
    for (Input input : inputs) {
      try (InputStream in = input.open()) {
        InputStream text = input instanceof StreamInput ? in : decompress(input, in);
        new TextTokenizer(input.name(), text, format, lowercase).read(visitor);
      } catch (ZipException e) {
        throw new W2vException(
            input.name() + " is not a valid gzip file (" + e.getMessage() + "); check the file");
      } catch (java.io.EOFException e) {
        throw new W2vException(input.name() + " ends early: the gzip file is truncated");
      } catch (IOException e) {
        throw new W2vException("cannot read " + input.name() + ": " + e.getMessage(), e);
      }
    }
  }

  /** Unwraps gzip; refuses other compressions with the command that undoes them. */
  private static InputStream decompress(Input input, InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(8);
    byte[] magic = buffered.readNBytes(6);
    buffered.reset();
    if (starts(magic, 0x1F, 0x8B)) {
      return new GZIPInputStream(buffered, 1 << 16);
    }
    String[] other =
        starts(magic, 'B', 'Z', 'h')
            ? new String[] {"bzip2", "bunzip2"}
            : starts(magic, 0xFD, '7', 'z', 'X', 'Z', 0)
                ? new String[] {"xz", "unxz"}
                : starts(magic, 0x28, 0xB5, 0x2F, 0xFD)
                    ? new String[] {"zstd", "unzstd"}
                    : starts(magic, 'P', 'K', 3, 4) ? new String[] {"zip", "unzip"} : null;
    if (other != null) {
      throw new W2vException(
          input.name()
              + " is compressed with "
              + other[0]
              + ", which w2v does not read; decompress it ("
              + other[1]
              + ") or compress it with gzip");
    }
    return buffered;
  }

  private static boolean starts(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "corpus " + description;
  }

  /** One thing to read. */
  private interface Input {
    /** How messages name it, such as {@code corpus a.txt}. */
    String name();

    InputStream open() throws IOException;

    boolean rereadable();
  }

  private record FileInput(Path path) implements Input {
    @Override
    public String name() {
      return "corpus " + path;
    }

    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(path);
    }

    @Override
    public boolean rereadable() {
      return true;
    }
  }

  private record StreamInput(String name, TextStream text) implements Input {
    @Override
    public InputStream open() throws IOException {
      return text.open();
    }

    @Override
    public boolean rereadable() {
      return true;
    }
  }

  private record RemoteInput(String uri) implements Input {
    @Override
    public String name() {
      return "corpus " + uri;
    }

    @Override
    public InputStream open() {
      throw new W2vException(
          "corpus "
              + uri
              + " is not a local path; only a distributed trainer (--trainer spark) reads it,"
              + " or copy it to this machine");
    }

    @Override
    public boolean rereadable() {
      return true;
    }
  }

  private static final class StandardInput implements Input {
    private boolean read;

    @Override
    public String name() {
      return "corpus on standard input";
    }

    @Override
    public InputStream open() {
      if (read) {
        throw new W2vException("standard input was already read; give the corpus as a file");
      }
      read = true;
      // Not closed with the reader: System.in belongs to the process.
      return new java.io.FilterInputStream(System.in) {
        @Override
        public void close() {}
      };
    }

    @Override
    public boolean rereadable() {
      return false;
    }
  }

  private record LinesInput(Iterable<? extends CharSequence> lines, boolean rereadable)
      implements Input {
    @Override
    public String name() {
      return "the program's sentences";
    }

    @Override
    public InputStream open() {
      Iterator<? extends CharSequence> it = lines.iterator();
      // One line's bytes at a time, so that a large iterable is never held as bytes at once.
      return new SequenceInputStream(
          new Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
              return it.hasNext();
            }

            @Override
            public InputStream nextElement() {
              CharSequence line = Objects.requireNonNull(it.next(), "a sentence is null");
              return new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
          });
    }
  }
}
