package dev.w2v.runner.query;

import dev.w2v.runner.VerboseOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code w2v similar}: gensim's {@code most_similar(positive, negative, topn)}. */
@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    description = {
      "The k words most similar to the mean of the positive words' unit vectors minus the negative",
      "words' (the input words excluded), as gensim's most_similar(positive, negative, topn=k)."
    })
public final class SimilarCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin VectorsOption vectors;

  @Mixin CountOption count;

  @Mixin JsonOption json;

  @Option(
      names = "--positive",
      split = ",",
      paramLabel = "W1,W2,...",
      description = "Words that count towards the query (repeatable).")
  List<String> positive = new ArrayList<>();

  @Option(
      names = "--negative",
      split = ",",
      paramLabel = "W1,W2,...",
      description = "Words that count against it (repeatable).")
  List<String> negative = new ArrayList<>();

  @Override
  public Integer call() {
    // "a,,b" or a trailing comma leaves empty words: ignore them rather than look "" up
    List<String> plus = positive.stream().filter(w -> !w.isEmpty()).toList();
    List<String> minus = negative.stream().filter(w -> !w.isEmpty()).toList();
    if (plus.isEmpty() && minus.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "no words to query: give --positive W1,W2,... and/or --negative W3,...");
    }
    Neighbors.of(vectors.file, plus, minus, vectors.load().mostSimilar(plus, minus, count.k()))
        .print(spec.commandLine().getOut(), json.json);
    return 0;
  }
}
