package dev.w2v.core.corpus;

import dev.w2v.core.W2vException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a corpus into word indices with a CS224n vocabulary: words indexed by first appearance,
 * then {@code UNK} with count 1 (and the total count one higher), exactly as the course's {@code
 * utils/treebank.py} does.
 */
public final class CorpusReader {

  /** The first line of SST's datasetSentences.txt. */
  static final String SST_HEADER = "sentence_index\tsentence";

  private CorpusReader() {}

  /**
   * Reads {@code file}.
   *
   * @throws W2vException if the file is missing, unreadable, not UTF-8 (naming the line), not in
   *     the stated format (naming the line), or holds no word
   */
  public static Corpus read(Path file, CorpusFormat format, boolean lowercase) {
    if (!Files.isRegularFile(file)) {
      throw new W2vException("corpus " + file + " does not exist or is not a file; check --corpus");
    }
    Map<String, Integer> index = new HashMap<>();
    List<String> words = new ArrayList<>();
    long[] counts = new long[1024];
    List<int[]> sentences = new ArrayList<>();
    long lineNumber = 0;
    try (Utf8Lines lines = new Utf8Lines(file)) {
      String line;
      CorpusFormat actual = format;
      while ((line = lines.next()) != null) {
        lineNumber = lines.lineNumber();
        if (lineNumber == 1) {
          if (actual == CorpusFormat.AUTO) {
            actual = line.strip().equals(SST_HEADER) ? CorpusFormat.SST : CorpusFormat.TEXT;
          }
          if (actual == CorpusFormat.SST) {
            continue; // the header
          }
        }
        String text = line;
        if (actual == CorpusFormat.SST) {
          int tab = line.indexOf('\t');
          if (tab < 0) {
            if (line.isBlank()) {
              continue;
            }
            throw new W2vException(
                "corpus "
                    + file
                    + ", line "
                    + lineNumber
                    + ": expected 'index<TAB>sentence' as in SST's datasetSentences.txt; use --set corpus-format=text for plain text");
          }
          text = line.substring(tab + 1);
        }
        String[] tokens = text.trim().split("\\s+");
        if (tokens.length == 1 && tokens[0].isEmpty()) {
          tokens = new String[0];
        }
        int[] sentence = new int[tokens.length];
        for (int t = 0; t < tokens.length; t++) {
          String token = lowercase ? tokens[t].toLowerCase(Locale.ROOT) : tokens[t];
          Integer id = index.get(token);
          if (id == null) {
            id = words.size();
            index.put(token, id);
            words.add(token);
            if (id == counts.length) {
              counts = java.util.Arrays.copyOf(counts, counts.length * 2);
            }
          }
          counts[id]++;
          sentence[t] = id;
        }
        sentences.add(sentence);
      }
    } catch (NoSuchFileException e) {
      throw new W2vException("corpus " + file + " does not exist; check --corpus");
    } catch (IOException e) {
      throw new W2vException("cannot read corpus " + file + ": " + e.getMessage());
    }
    if (words.isEmpty()) {
      throw new W2vException("corpus " + file + " holds no words; give a non-empty corpus");
    }
    // CS224n appends UNK with count 1 even when the corpus has no unknown word.
    int unk = index.containsKey(Vocabulary.UNK) ? -1 : words.size();
    if (unk >= 0) {
      words.add(Vocabulary.UNK);
      counts = java.util.Arrays.copyOf(counts, words.size());
      counts[unk] = 1;
    } else {
      counts = java.util.Arrays.copyOf(counts, words.size());
    }
    return new Corpus(new Vocabulary(words, counts), sentences);
  }
}
