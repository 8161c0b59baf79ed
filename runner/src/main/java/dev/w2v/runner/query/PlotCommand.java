package dev.w2v.runner.query;

import dev.w2v.core.projection.PrincipalComponents;
import dev.w2v.core.projection.ProjectedWord;
import dev.w2v.runner.VerboseOption;
import dev.w2v.runner.render.Charts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code w2v plot}: words on the first two principal components, the picture train draws. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description =
        "Plot words on the first two principal components of their vectors (as train's word_vectors.png).")
public final class PlotCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin VectorsOption vectors;

  @Option(
      names = "--words",
      required = true,
      split = ",",
      paramLabel = "W1,W2,...",
      description = "The words to plot.")
  List<String> words;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.png",
      description = "The PNG to write.")
  Path out;

  @Override
  public Integer call() {
    List<ProjectedWord> points = PrincipalComponents.project(vectors.read(), words);
    Charts.wordScatter(points, "word vectors, first two principal components", out);
    spec.commandLine().getOut().println("wrote " + out + " (" + points.size() + " words)");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
