package dev.w2v.runner.query;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code -k N}: how many words a query returns, at least 1. */
final class CountOption {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  private int k;

  @Option(
      names = "-k",
      defaultValue = "10",
      paramLabel = "N",
      description = "How many words (default ${DEFAULT-VALUE}).")
  void setK(int k) {
    if (k < 1) {
      throw new ParameterException(
          spec.commandLine(), "-k must be at least 1, got " + k + ": it is how many words to show");
    }
    this.k = k;
  }

  int k() {
    return k;
  }
}
