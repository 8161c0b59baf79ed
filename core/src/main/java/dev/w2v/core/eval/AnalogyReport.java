package dev.w2v.core.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.w2v.core.json.Json;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of an analogy evaluation, with gensim's semantics: {@code total} pools every
 * section's evaluated questions ("Total accuracy"), and questions with a word outside the
 * restricted vocabulary are skipped, counted in {@code outOfVocabulary}.
 *
 * @param sections per-section scores in file order
 * @param total the pooled score over all sections
 * @param questions well-formed questions read, including the skipped ones
 * @param outOfVocabulary questions skipped because a word is not among the first {@code
 *     restrictVocab} words
 * @param restrictVocab how many of the most frequent words were searched
 * @param caseInsensitive whether words were compared upper-cased
 */
@JsonPropertyOrder({
  "restrictVocab",
  "caseInsensitive",
  "questions",
  "outOfVocabulary",
  "outOfVocabularyRatio",
  "sections",
  "total"
})
public record AnalogyReport(
    List<SectionScore> sections,
    SectionScore total,
    int questions,
    int outOfVocabulary,
    int restrictVocab,
    boolean caseInsensitive) {

  public AnalogyReport {
    sections = List.copyOf(sections);
  }

  /** Share of questions skipped as out of vocabulary (0..1); 0 if there were no questions. */
  @JsonProperty
  public double outOfVocabularyRatio() {
    return questions == 0 ? 0.0 : (double) outOfVocabulary / questions;
  }

  /** A fixed-width table, one line per section, then the total and the skipped share. */
  public String toTable() {
    int width = Math.max(14, sections.stream().mapToInt(s -> s.name().length()).max().orElse(0));
    String format = "%-" + width + "s %8s %8s %9s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, format, "section", "correct", "total", "accuracy"));
    for (SectionScore s : sections) {
      sb.append(row(format, s));
    }
    sb.append(row(format, total));
    sb.append(
        String.format(
            Locale.ROOT,
            "%d questions, %d skipped as out of vocabulary (%.1f%%); top %d words searched%s%n",
            questions,
            outOfVocabulary,
            100 * outOfVocabularyRatio(),
            restrictVocab,
            caseInsensitive ? ", case-insensitive" : ""));
    return sb.toString();
  }

  private static String row(String format, SectionScore s) {
    return String.format(
        Locale.ROOT,
        format,
        s.name(),
        s.correct(),
        s.evaluated(),
        String.format(Locale.ROOT, "%.2f%%", 100 * s.accuracy()));
  }

  /** One JSON object; accuracies and ratios as fractions in [0, 1]. */
  public String toJson() {
    return Json.write(this);
  }
}
