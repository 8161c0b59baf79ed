package dev.w2v.runner.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.vectors.WordVectors;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

  @Test
  void decodesUtf8AndKeepsRepeatedValues() {
    QueryParameters p = QueryParameters.parse("word=caf%C3%A9&w=a&w=b+c&empty=&flag");
    assertEquals("café", p.optional("word"));
    assertEquals(List.of("a", "b c"), p.all("w"));
    assertEquals("", p.optional("empty"));
    assertEquals("", p.optional("flag"));
    assertNull(p.optional("absent"));
    assertTrue(QueryParameters.parse(null).all("x").isEmpty());
  }

  @Test
  void malformedEncodingsAreA400() {
    for (String query : List.of("word=%ZZ", "word=%E2%82", "word=%")) {
      ApiException e = assertThrows(ApiException.class, () -> QueryParameters.parse(query));
      assertEquals(400, e.status(), query);
    }
  }

  @Test
  void unknownNamesAreRefusedWithTheNearestKnownOne() {
    ApiException e =
        assertThrows(
            ApiException.class,
            () -> QueryParameters.parse("wrod=x").onlyAllow("/api/neighbors", Set.of("word", "k")));
    assertEquals(400, e.status());
    assertEquals(List.of("word"), e.suggestions());
    assertTrue(e.getMessage().contains("it takes k, word"), e.getMessage());
  }

  @Test
  void integersMustBeInTheirRange() {
    QueryParameters p = QueryParameters.parse("k=5&big=1001&neg=-1&text=x");
    assertEquals(5, p.integer("k", 1, 1000, 10));
    assertEquals(10, p.integer("absent", 1, 1000, 10));
    for (String name : List.of("big", "neg", "text")) {
      ApiException e = assertThrows(ApiException.class, () -> p.integer(name, 1, 1000, 10));
      assertTrue(e.getMessage().contains("from 1 to 1000"), e.getMessage());
    }
    ApiException missing =
        assertThrows(ApiException.class, () -> QueryParameters.parse("word=%20").required("word"));
    assertEquals("missing parameter 'word'", missing.getMessage());
  }

  @Test
  void completionIgnoresCaseAndPrefersFrequentWords() {
    WordVectors v =
        WordVectors.of(
            List.of("the", "Funny", "fun", "funny", "FUNK", "fund", "a"), 1, new float[7]);
    WordCompletion c = new WordCompletion(v);
    assertEquals(List.of("Funny", "fun", "funny"), c.complete("fun", 3));
    assertEquals(List.of("Funny", "fun", "funny", "FUNK", "fund"), c.complete("FU", 50));
    assertEquals(List.of("Funny", "funny"), c.complete("funny", 10));
    assertEquals(List.of(), c.complete("zz", 10));
  }
}
