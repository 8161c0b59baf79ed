package dev.w2v.runner.query;

import dev.w2v.core.query.Neighbor;
import dev.w2v.core.query.VectorQueries;
import dev.w2v.runner.VerboseOption;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code w2v neighbors}: the words nearest to a word by cosine similarity. */
@Command(
    name = "neighbors",
    mixinStandardHelpOptions = true,
    description = "The k words nearest to WORD by cosine similarity (WORD excluded).")
public final class NeighborsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin VectorsOption vectors;

  @Parameters(paramLabel = "WORD", description = "The word to start from.")
  String word;

  @Option(
      names = "-k",
      defaultValue = "10",
      description = "How many neighbours (default ${DEFAULT-VALUE}).")
  int k;

  @Override
  public Integer call() {
    List<Neighbor> neighbors = VectorQueries.of(vectors.read()).nearest(word, k);
    print(spec.commandLine().getOut(), neighbors);
    return 0;
  }

  /** A ranked table of neighbours with their similarity. */
  static void print(PrintWriter out, List<Neighbor> neighbors) {
    int width = neighbors.stream().mapToInt(n -> n.word().length()).max().orElse(4);
    for (int i = 0; i < neighbors.size(); i++) {
      Neighbor n = neighbors.get(i);
      out.printf(
          Locale.ROOT,
          "%3d  %-" + Math.max(4, width) + "s  %.4f%n",
          i + 1,
          n.word(),
          n.similarity());
    }
    out.flush();
  }
}
