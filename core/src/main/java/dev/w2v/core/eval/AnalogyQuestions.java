package dev.w2v.core.eval;

import dev.w2v.core.W2vException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An analogy test set in the {@code questions-words.txt} format: {@code ": name"} lines start a
 * section, other lines hold four words {@code a b c d} meaning "a is to b as c is to d". Lines
 * without exactly four words are skipped and counted, as gensim skips them.
 *
 * @param sections the sections in file order
 * @param skippedLines lines that were neither a section header nor four words
 */
public record AnalogyQuestions(List<Section> sections, int skippedLines) {

  /** One question, words as written in the file. */
  public record Question(String a, String b, String c, String expected) {}

  /** A named group of questions. */
  public record Section(String name, List<Question> questions) {
    public Section {
      questions = List.copyOf(questions);
    }
  }

  public AnalogyQuestions {
    sections = List.copyOf(sections);
  }

  /** Number of questions over all sections. */
  public int questionCount() {
    return sections.stream().mapToInt(s -> s.questions().size()).sum();
  }

  /**
   * Reads {@code file} (UTF-8).
   *
   * @throws W2vException if the file is missing, not UTF-8, or has a question before the first
   *     section header
   */
  public static AnalogyQuestions read(Path file) {
    List<Section> sections = new ArrayList<>();
    String name = null;
    List<Question> questions = new ArrayList<>();
    int skipped = 0;
    int lineNo = 0;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.startsWith(": ")) {
          if (name != null) {
            sections.add(new Section(name, questions));
          }
          // gensim strips every leading ':' and ' ', then surrounding whitespace
          name = line.replaceFirst("^[: ]+", "").strip();
          questions = new ArrayList<>();
          continue;
        }
        if (name == null) {
          throw new W2vException(
              "analogy file "
                  + file
                  + ", line "
                  + lineNo
                  + ": a question comes before the first ': section' line; add a section header");
        }
        String[] w = line.strip().split("\\s+");
        if (w.length != 4) {
          skipped++;
          continue;
        }
        questions.add(new Question(w[0], w[1], w[2], w[3]));
      }
    } catch (NoSuchFileException e) {
      throw new W2vException("analogy file " + file + " does not exist: check the path");
    } catch (CharacterCodingException e) {
      throw new W2vException(
          "analogy file "
              + file
              + ", line "
              + (lineNo + 1)
              + ": not valid UTF-8; re-encode the file as UTF-8");
    } catch (IOException e) {
      throw new W2vException("cannot read analogy file " + file + ": " + e.getMessage(), e);
    }
    if (name != null) {
      sections.add(new Section(name, questions));
    }
    return new AnalogyQuestions(sections, skipped);
  }
}
