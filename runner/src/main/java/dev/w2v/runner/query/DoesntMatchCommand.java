package dev.w2v.runner.query;

import dev.w2v.core.json.Json;
import dev.w2v.runner.VerboseOption;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code w2v doesnt-match}: the word that does not go with the others, as gensim's. */
@Command(
    name = "doesnt-match",
    mixinStandardHelpOptions = true,
    description = {
      "The word farthest from the mean of the words' unit vectors: the one that does not go with",
      "the others, as gensim's doesnt_match (an unknown word is an error, not ignored)."
    })
public final class DoesntMatchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin VectorsOption vectors;

  @Mixin JsonOption json;

  @Parameters(paramLabel = "WORD", arity = "1..*", description = "Three words or more.")
  List<String> words;

  /** The JSON of the answer. */
  record Answer(String vectors, List<String> words, String doesntMatch) {}

  @Override
  public Integer call() {
    if (words.size() < 3) {
      throw new ParameterException(
          spec.commandLine(),
          "doesnt-match needs at least three words, got "
              + words.size()
              + ": with two, both are equally far from their mean");
    }
    String odd = vectors.load().doesntMatch(words);
    PrintWriter out = spec.commandLine().getOut();
    out.println(json.json ? Json.write(new Answer(vectors.file.toString(), words, odd)) : odd);
    out.flush();
    return 0;
  }
}
