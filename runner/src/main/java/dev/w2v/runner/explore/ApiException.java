package dev.w2v.runner.explore;

import java.util.List;

/**
 * A request the API refuses: an HTTP status (4xx), a one-line message, and words or names the
 * client may have meant. {@link ExplorerServer} turns it into a JSON error body.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> suggestions;
  private final transient List<UnknownWord> unknown;

  ApiException(int status, String message) {
    this(status, message, List.of(), List.of());
  }

  ApiException(int status, String message, List<String> suggestions) {
    this(status, message, suggestions, List.of());
  }

  ApiException(int status, String message, List<String> suggestions, List<UnknownWord> unknown) {
    super(message);
    this.status = status;
    this.suggestions = List.copyOf(suggestions);
    this.unknown = List.copyOf(unknown);
  }

  int status() {
    return status;
  }

  List<String> suggestions() {
    return suggestions;
  }

  List<UnknownWord> unknown() {
    return unknown;
  }

  /** A word of a request that is not in the vocabulary, with the nearest spellings. */
  record UnknownWord(String word, List<String> suggestions) {}

  /** The JSON body of an error response. */
  record Body(String error, int status, List<String> suggestions, List<UnknownWord> unknown) {}

  Body body() {
    return new Body(getMessage(), status, suggestions, unknown);
  }
}
