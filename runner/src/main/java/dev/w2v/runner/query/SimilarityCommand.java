package dev.w2v.runner.query;

import dev.w2v.core.json.Json;
import dev.w2v.runner.VerboseOption;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code w2v similarity}: the cosine similarity of two words, as gensim's {@code similarity}. */
@Command(
    name = "similarity",
    mixinStandardHelpOptions = true,
    description = "The cosine similarity of two words, in [-1, 1], as gensim's similarity(w1, w2).")
public final class SimilarityCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin VectorsOption vectors;

  @Mixin JsonOption json;

  @Parameters(index = "0", paramLabel = "WORD1")
  String a;

  @Parameters(index = "1", paramLabel = "WORD2")
  String b;

  /** The JSON of the answer. */
  record Answer(String vectors, List<String> words, double similarity) {}

  @Override
  public Integer call() {
    double similarity = vectors.load().similarity(a, b);
    PrintWriter out = spec.commandLine().getOut();
    if (json.json) {
      out.println(Json.write(new Answer(vectors.file.toString(), List.of(a, b), similarity)));
    } else {
      out.printf(Locale.ROOT, "%.4f%n", similarity);
    }
    out.flush();
    return 0;
  }
}
