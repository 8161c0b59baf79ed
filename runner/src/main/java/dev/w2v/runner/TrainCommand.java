package dev.w2v.runner;

import com.google.inject.Guice;
import dev.w2v.runner.train.TrainingSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code w2v train}: trains word vectors and writes them with plots and metrics. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Train word vectors (default: CS224n skip-gram on the bundled SST corpus). Ctrl-C stops"
            + " after a checkpoint; --resume continues.")
final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin ConfigOptions options;

  @Option(
      names = "--resume",
      description = "Continue from the newest valid checkpoint in the output folder.")
  boolean resume;

  @Override
  public Integer call() {
    return Guice.createInjector(
            new RunnerModule(options, spec.commandLine().getOut(), spec.commandLine().getErr()))
        .getInstance(TrainingSession.class)
        .run(resume);
  }
}
