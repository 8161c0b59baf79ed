package dev.w2v.runner.query;

import dev.w2v.runner.VerboseOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin CountOption count;

  @Mixin JsonOption json;

  @Parameters(paramLabel = "WORD", description = "The word to start from.")
  String word;

  @Override
  public Integer call() {
    Neighbors.of(
            vectors.file, List.of(word), List.of(), vectors.load().mostSimilar(word, count.k()))
        .print(spec.commandLine().getOut(), json.json);
    return 0;
  }
}
