package dev.w2v.runner.query;

import picocli.CommandLine.Option;

/** {@code --json}: results as one line of JSON instead of a table, for scripts. */
final class JsonOption {

  @Option(names = "--json", description = "Print the result as one line of JSON.")
  boolean json;
}
