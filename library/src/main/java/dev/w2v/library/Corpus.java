package dev.w2v.library;

import dev.w2v.core.W2vException;
import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The text to train on: files and folders, or sentences a program holds. A sentence is one line of
 * tokens separated by whitespace; files are strict UTF-8, gzip is recognised by its first bytes
 * whatever the file's name, and a folder means every regular file below it, in path order. Whether
 * tokens are lower-cased is a setting ({@link Word2Vec.Builder#lowercase}), not part of the corpus.
 *
 * <p>Immutable. Files are not opened until training reads them.
 */
public final class Corpus {

  private final List<String> paths;
  private final Iterable<? extends CharSequence> sentences;
  private final boolean once;

  private Corpus(List<String> paths, Iterable<? extends CharSequence> sentences, boolean once) {
    this.paths = paths;
    this.sentences = sentences;
    this.once = once;
  }

  /**
   * The files and folders {@code paths}, read in the given order.
   *
   * @throws W2vException if none is given (a missing path is reported when training starts)
   */
  public static Corpus of(Path... paths) {
    return of(List.of(paths));
  }

  /** The files and folders {@code paths}, read in the given order. */
  public static Corpus of(List<Path> paths) {
    if (paths.isEmpty()) {
      throw new W2vException("no corpus given: name at least one file or folder");
    }
    List<String> names = new ArrayList<>();
    for (Path p : paths) {
      names.add(Objects.requireNonNull(p, "a corpus path is null").toString());
    }
    return new Corpus(List.copyOf(names), null, false);
  }

  /**
   * Sentences held by the program, one per element. The iterable is iterated once per reading, and
   * a corpus with more distinct words than the {@code max-vocab} setting is read twice.
   */
  public static Corpus ofSentences(Iterable<? extends CharSequence> sentences) {
    return new Corpus(List.of(), Objects.requireNonNull(sentences, "sentences"), false);
  }

  /**
   * Sentences from a stream, consumed once: training reads them in one pass (a stream cannot be
   * read again, so a corpus with more distinct words than {@code max-vocab} keeps the counts of its
   * first pass for the words that survive pruning, as for standard input).
   */
  public static Corpus ofSentences(Stream<? extends CharSequence> sentences) {
    Objects.requireNonNull(sentences, "sentences");
    Iterator<? extends CharSequence> iterator = sentences.iterator();
    boolean[] used = {false};
    Iterable<CharSequence> once =
        () -> {
          if (used[0]) {
            throw new W2vException(
                "a Stream of sentences can be read only once; give an Iterable to read it again");
          }
          used[0] = true;
          @SuppressWarnings("unchecked")
          Iterator<CharSequence> it = (Iterator<CharSequence>) iterator;
          return it;
        };
    return new Corpus(List.of(), once, true);
  }

  CorpusSource source(CorpusFormat format, boolean lowercase) {
    if (sentences == null) {
      return CorpusSource.of(paths, format, lowercase);
    }
    return once
        ? CorpusSource.ofLinesOnce(sentences, lowercase)
        : CorpusSource.ofLines(sentences, lowercase);
  }

  @Override
  public String toString() {
    return sentences == null ? "corpus " + String.join(", ", paths) : "the program's sentences";
  }
}
