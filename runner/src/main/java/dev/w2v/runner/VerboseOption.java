package dev.w2v.runner;

import picocli.CommandLine.Option;

/** {@code --verbose}, accepted by every command; read by {@link W2v} before parsing. */
public final class VerboseOption {

  @Option(names = "--verbose", description = "Show stack traces of errors.")
  boolean verbose;
}
