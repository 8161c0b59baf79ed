package dev.w2v.core.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Analogy results of one section (or of all, for the total).
 *
 * @param name the section name from the file, or {@code "Total accuracy"} as gensim names it
 * @param correct questions answered correctly
 * @param incorrect questions answered wrongly (out-of-vocabulary questions are not counted)
 */
@JsonPropertyOrder({"name", "correct", "incorrect", "accuracy"})
public record SectionScore(String name, int correct, int incorrect) {

  /** Questions evaluated. */
  public int evaluated() {
    return correct + incorrect;
  }

  /** correct / evaluated, or 0.0 when nothing was evaluated (gensim's convention). */
  @JsonProperty
  public double accuracy() {
    return evaluated() == 0 ? 0.0 : (double) correct / evaluated();
  }
}
