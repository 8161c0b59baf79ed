package dev.w2v.runner.query;

import dev.w2v.runner.VerboseOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code w2v analogy}: A is to B as C is to ?, by 3CosAdd. */
@Command(
    name = "analogy",
    mixinStandardHelpOptions = true,
    description = {
      "A is to B as C is to ? (3CosAdd over unit vectors; A, B and C excluded):",
      "the same as `w2v similar --positive B,C --negative A`."
    })
public final class AnalogyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin VectorsOption vectors;

  @Mixin CountOption count;

  @Mixin JsonOption json;

  @Parameters(index = "0", paramLabel = "A")
  String a;

  @Parameters(index = "1", paramLabel = "B")
  String b;

  @Parameters(index = "2", paramLabel = "C")
  String c;

  @Override
  public Integer call() {
    Neighbors.of(
            vectors.file, List.of(b, c), List.of(a), vectors.load().analogy(a, b, c, count.k()))
        .print(spec.commandLine().getOut(), json.json);
    return 0;
  }
}
