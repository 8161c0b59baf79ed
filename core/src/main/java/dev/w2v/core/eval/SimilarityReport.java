package dev.w2v.core.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.w2v.core.json.Json;
import java.util.Locale;

/**
 * The outcome of a word-similarity evaluation, with gensim's semantics.
 *
 * @param pairs pairs whose words are both in the vocabulary and were scored
 * @param outOfVocabulary pairs skipped because a word is not among the first {@code restrictVocab}
 *     words
 * @param skippedLines lines that were not comments and not {@code word TAB word TAB number}
 * @param spearman Spearman's rank correlation between the file's scores and cosine similarity
 * @param pearson Pearson's correlation between the same
 * @param restrictVocab how many of the most frequent words were usable
 * @param caseInsensitive whether words were compared upper-cased
 */
@JsonPropertyOrder({
  "restrictVocab",
  "caseInsensitive",
  "pairs",
  "outOfVocabulary",
  "outOfVocabularyRatio",
  "skippedLines",
  "spearman",
  "pearson"
})
public record SimilarityReport(
    int pairs,
    int outOfVocabulary,
    int skippedLines,
    double spearman,
    double pearson,
    int restrictVocab,
    boolean caseInsensitive) {

  /**
   * Share of pairs skipped as out of vocabulary (0..1), of all well-formed pairs; gensim returns
   * this times 100 as {@code oov_ratio}.
   */
  @JsonProperty
  public double outOfVocabularyRatio() {
    int all = pairs + outOfVocabulary;
    return all == 0 ? 0.0 : (double) outOfVocabulary / all;
  }

  /** A short readable table. */
  public String toTable() {
    return String.format(
        Locale.ROOT,
        "%-22s %8.4f%n%-22s %8.4f%n%-22s %8d%n%-22s %8d (%.1f%%)%n",
        "Spearman correlation",
        spearman,
        "Pearson correlation",
        pearson,
        "pairs evaluated",
        pairs,
        "pairs out of vocabulary",
        outOfVocabulary,
        100 * outOfVocabularyRatio());
  }

  /** One JSON object; a correlation that is undefined (constant sample) is {@code null}. */
  public String toJson() {
    return Json.write(this);
  }
}
