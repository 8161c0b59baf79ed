package dev.w2v.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.w2v.core.eval.SimilarityReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  record Word(String word, double similarity, List<Double> more) {}

  @Test
  void undefinedNumbersAreNullSoTheOutputStaysJson() {
    String text =
        Json.write(
            new Word("x", Double.NaN, java.util.Arrays.asList(1.5, Double.POSITIVE_INFINITY)));
    assertEquals("{\"word\":\"x\",\"similarity\":null,\"more\":[1.5,null]}", text);
    SimilarityReport constant = new SimilarityReport(3, 0, 0, Double.NaN, Double.NaN, 300000, true);
    JsonNode report = Json.parse(constant.toJson());
    assertTrue(report.get("spearman").isNull(), constant.toJson());
    assertEquals(0.0, report.get("outOfVocabularyRatio").asDouble(), constant.toJson());
  }

  @Test
  void wordsWithQuotesControlCharactersAndNonAsciiRoundTrip() {
    String word = "\"quoted\"\\ tab\t bell\u0007 straße 日本語 \uD83D\uDE00";
    String text = Json.write(new Word(word, 0.25, List.of()));
    assertEquals(word, Json.parse(text).get("word").asText(), text);
    assertTrue(!text.contains("\t") && !text.contains("\u0007"), "escaped: " + text);
  }
}
