package dev.w2v.runner.explore;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.w2v.core.query.Neighbor;
import dev.w2v.core.query.SpellingSuggestions;
import dev.w2v.core.query.UnknownWordException;
import dev.w2v.core.query.VectorQueries;
import dev.w2v.core.vectors.WordVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The explorer's JSON API: each endpoint takes the decoded query parameters and returns an object
 * that {@link ExplorerServer} writes as JSON, or throws {@link ApiException} (a 4xx with a message
 * and suggestions). Neighbours and analogies are core's {@link VectorQueries}, the very calls of
 * {@code w2v neighbors} and {@code w2v analogy}. Thread-safe.
 *
 * <p>Limits, which keep every response bounded: k from 1 to {@value #MAX_K}, at most {@value
 * #MAX_WORDS} words per map, words of at most {@value #MAX_WORD_LENGTH} characters.
 */
final class ExplorerApi {

  static final int MAX_K = 1000;
  static final int MAX_WORDS = 1000;
  static final int MAX_WORD_LENGTH = 1000;
  static final int MAX_COMPLETIONS = 50;
  private static final int SUGGESTIONS = 5;

  private final WordVectors vectors;
  private final VectorQueries queries;
  private final WordCompletion completion;
  private final WordMaps maps;
  private final TrainingRun run;
  private final String source;
  private final List<String> examples;
  private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

  private record Endpoint(Set<String> parameters, Function<QueryParameters, Object> handler) {}

  /**
   * @param source the vector file, as the page names it
   * @param run the training run to show, or null
   */
  ExplorerApi(WordVectors vectors, Path source, TrainingRun run) {
    this.vectors = vectors;
    this.queries = VectorQueries.of(vectors);
    this.completion = new WordCompletion(vectors);
    this.maps = new WordMaps(vectors);
    this.run = run;
    this.source = source.toString();
    this.examples = examples(vectors);
    endpoints.put("/api/info", new Endpoint(Set.of(), p -> info()));
    endpoints.put("/api/complete", new Endpoint(Set.of("prefix", "limit"), this::complete));
    endpoints.put("/api/neighbors", new Endpoint(Set.of("word", "k"), this::neighbors));
    endpoints.put("/api/analogy", new Endpoint(Set.of("a", "b", "c", "k"), this::analogy));
    endpoints.put("/api/similar", new Endpoint(Set.of("positive", "negative", "k"), this::similar));
    endpoints.put(
        "/api/projection",
        new Endpoint(Set.of("words", "word", "method", "perplexity"), this::projection));
    endpoints.put(
        "/api/neighborhood",
        new Endpoint(Set.of("word", "k", "method", "perplexity"), this::neighborhood));
    endpoints.put("/api/run", new Endpoint(Set.of(), p -> run()));
  }

  /** The API's paths. */
  Set<String> paths() {
    return endpoints.keySet();
  }

  /** The training run shown, or null. */
  TrainingRun trainingRun() {
    return run;
  }

  /**
   * Answers {@code path} with the raw query string {@code rawQuery}.
   *
   * @throws ApiException for an unknown path or a bad request
   */
  Object answer(String path, String rawQuery) {
    Endpoint endpoint = endpoints.get(path);
    if (endpoint == null) {
      throw new ApiException(
          404,
          "no such API endpoint: " + path + "; there are " + String.join(", ", endpoints.keySet()),
          nearest(path, endpoints.keySet()));
    }
    QueryParameters parameters = QueryParameters.parse(rawQuery);
    parameters.onlyAllow(path, endpoint.parameters());
    return endpoint.handler().apply(parameters);
  }

  static List<String> nearest(String name, Set<String> names) {
    return names.stream()
        .filter(n -> SpellingSuggestions.distance(name, n) <= Math.max(2, name.length() / 3))
        .sorted(
            java.util.Comparator.comparingInt((String n) -> SpellingSuggestions.distance(name, n)))
        .limit(1)
        .toList();
  }

  /** What the page shows before any query. */
  record Info(
      String vectors,
      int words,
      int dim,
      boolean run,
      List<String> examples,
      Map<String, Integer> limits) {}

  Info info() {
    return new Info(
        source,
        vectors.size(),
        vectors.dim(),
        run != null,
        examples,
        Map.of("k", MAX_K, "words", MAX_WORDS, "completions", MAX_COMPLETIONS));
  }

  /**
   * A few words to suggest on an empty page: the first alphabetic ones of at least four letters
   * after the 50 most frequent (mostly function words), spread over the first thousand rows.
   */
  private static List<String> examples(WordVectors vectors) {
    List<String> out = new ArrayList<>();
    int end = Math.min(vectors.size(), 1000);
    for (int start = Math.min(50, end / 2); out.size() < 5 && start < end; start += 150) {
      for (int i = start; i < Math.min(end, start + 150); i++) {
        String w = vectors.word(i);
        if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
          out.add(w);
          break;
        }
      }
    }
    return out;
  }

  record Completions(String prefix, List<String> words) {}

  private Completions complete(QueryParameters p) {
    String prefix = p.required("prefix");
    int limit = p.integer("limit", 1, MAX_COMPLETIONS, 10);
    return new Completions(prefix, completion.complete(word(prefix, "prefix"), limit));
  }

  record Neighbors(String word, int k, List<Neighbor> neighbors) {}

  private Neighbors neighbors(QueryParameters p) {
    String word = word(p.required("word"), "word");
    int k = p.integer("k", 1, MAX_K, 10);
    return new Neighbors(word, k, known(() -> queries.nearest(word, k)));
  }

  record Analogy(String a, String b, String c, int k, List<Neighbor> answers) {}

  private Analogy analogy(QueryParameters p) {
    String a = word(p.required("a"), "a");
    String b = word(p.required("b"), "b");
    String c = word(p.required("c"), "c");
    int k = p.integer("k", 1, MAX_K, 10);
    rows(List.of(a, b, c));
    return new Analogy(a, b, c, k, queries.analogy(a, b, c, k));
  }

  record Similar(List<String> positive, List<String> negative, int k, List<Neighbor> neighbors) {}

  private Similar similar(QueryParameters p) {
    List<String> positive = wordList(p.optional("positive"), "positive");
    List<String> negative = wordList(p.optional("negative"), "negative");
    if (positive.isEmpty() && negative.isEmpty()) {
      throw new ApiException(400, "missing parameter 'positive' (or 'negative'): give some words");
    }
    if (positive.size() + negative.size() > MAX_WORDS) {
      throw new ApiException(
          400, "at most " + MAX_WORDS + " words, got " + (positive.size() + negative.size()));
    }
    int k = p.integer("k", 1, MAX_K, 10);
    List<String> all = new ArrayList<>(positive);
    all.addAll(negative);
    rows(all);
    return new Similar(positive, negative, k, queries.mostSimilar(positive, negative, k));
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WordMap(String method, Double perplexity, List<WordMaps.Point> points) {}

  private WordMap projection(QueryParameters p) {
    Set<String> unique = new LinkedHashSet<>(wordList(p.optional("words"), "words"));
    for (String w : p.all("word")) {
      if (!w.isBlank()) {
        unique.add(word(w.strip(), "word"));
      }
    }
    if (unique.isEmpty()) {
      throw new ApiException(400, "missing parameter 'words': give words separated by commas");
    }
    if (unique.size() > MAX_WORDS) {
      throw new ApiException(
          400, "a map takes at most " + MAX_WORDS + " words, got " + unique.size());
    }
    List<String> words = List.copyOf(unique);
    WordMaps.Method method = method(p);
    double perplexity = perplexity(p);
    return new WordMap(
        method.id(),
        reported(method, words.size(), perplexity),
        maps.points(words, rows(words), null, method, perplexity));
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Neighborhood(
      String word, int k, String method, Double perplexity, List<WordMaps.Point> points) {}

  private Neighborhood neighborhood(QueryParameters p) {
    String word = word(p.required("word"), "word");
    int k = p.integer("k", 1, MAX_WORDS - 1, 50);
    WordMaps.Method method = method(p);
    double perplexity = perplexity(p);
    List<Neighbor> neighbors = known(() -> queries.nearest(word, k));
    List<String> words = new ArrayList<>(neighbors.size() + 1);
    int[] rows = new int[neighbors.size() + 1];
    double[] similarity = new double[rows.length];
    words.add(word);
    rows[0] = vectors.rowOf(word);
    similarity[0] = 1;
    for (int i = 0; i < neighbors.size(); i++) {
      words.add(neighbors.get(i).word());
      rows[i + 1] = neighbors.get(i).row();
      similarity[i + 1] = neighbors.get(i).similarity();
    }
    return new Neighborhood(
        word,
        k,
        method.id(),
        reported(method, words.size(), perplexity),
        maps.points(words, rows, similarity, method, perplexity));
  }

  private TrainingRun.Snapshot run() {
    if (run == null) {
      throw new ApiException(
          404, "no training run: start w2v explore with --run DIR (the --out folder of w2v train)");
    }
    return run.snapshot();
  }

  private static WordMaps.Method method(QueryParameters p) {
    String m = p.optional("method");
    if (m == null || m.isBlank() || m.strip().equalsIgnoreCase("pca")) {
      return WordMaps.Method.PCA;
    }
    String s = m.strip().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("tsne") || s.equals("t-sne")) {
      return WordMaps.Method.TSNE;
    }
    throw new ApiException(
        400, "method must be pca or tsne, got '" + m + "'", List.of("pca", "tsne"));
  }

  /** The perplexity t-SNE used (lowered for few words), or null for PCA. */
  private static Double reported(WordMaps.Method method, int words, double perplexity) {
    return method == WordMaps.Method.TSNE
        ? dev.w2v.core.projection.Tsne.effectivePerplexity(
            words, new dev.w2v.core.projection.Tsne.Settings(perplexity, 1, 0))
        : null;
  }

  private static double perplexity(QueryParameters p) {
    return p.real("perplexity", 2, 100, 30);
  }

  private static String word(String w, String parameter) {
    if (w.length() > MAX_WORD_LENGTH) {
      throw new ApiException(
          400, parameter + " is longer than " + MAX_WORD_LENGTH + " characters: not a word");
    }
    return w;
  }

  /** Words separated by commas or white space (a word never contains white space). */
  private static List<String> wordList(String value, String parameter) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> words =
        Arrays.stream(value.strip().split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    if (words.size() > MAX_WORDS) {
      throw new ApiException(
          400, parameter + " takes at most " + MAX_WORDS + " words, got " + words.size());
    }
    return words.stream().map(w -> word(w, parameter)).toList();
  }

  /** The rows of {@code words}; one 404 naming every unknown word, with spellings for each. */
  private int[] rows(List<String> words) {
    int[] rows = new int[words.size()];
    List<ApiException.UnknownWord> unknown = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      rows[i] = vectors.rowOf(w);
      if (rows[i] < 0 && unknown.stream().noneMatch(u -> u.word().equals(w))) {
        unknown.add(
            new ApiException.UnknownWord(w, SpellingSuggestions.nearest(vectors, w, SUGGESTIONS)));
      }
    }
    if (unknown.size() == 1) {
      UnknownWordException e =
          new UnknownWordException(unknown.get(0).word(), unknown.get(0).suggestions());
      throw new ApiException(404, e.getMessage(), e.suggestions(), unknown);
    }
    if (!unknown.isEmpty()) {
      throw new ApiException(
          404,
          unknown.size()
              + " unknown words, not in the vocabulary: "
              + String.join(", ", unknown.stream().map(u -> "'" + u.word() + "'").toList()),
          unknown.get(0).suggestions(),
          unknown);
    }
    return rows;
  }

  private static <T> T known(java.util.function.Supplier<T> query) {
    try {
      return query.get();
    } catch (UnknownWordException e) {
      throw new ApiException(
          404,
          e.getMessage(),
          e.suggestions(),
          List.of(new ApiException.UnknownWord(e.word(), e.suggestions())));
    }
  }
}
