package dev.w2v.runner;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code w2v train}: trains word vectors and writes them with plots and metrics. */
@Command(name = "train", description = "Train word vectors (default: CS224n skip-gram on the bundled SST corpus).")
final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin ConfigOptions options;

  @Option(names = "--resume", description = "Continue from the newest valid checkpoint in the output folder.")
  boolean resume;

  @Override
  public Integer call() {
    throw new dev.w2v.core.W2vException("train is not wired yet");
  }
}
