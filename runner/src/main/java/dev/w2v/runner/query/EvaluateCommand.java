package dev.w2v.runner.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.w2v.core.eval.AnalogyEvaluator;
import dev.w2v.core.eval.AnalogyReport;
import dev.w2v.core.eval.SimilarityReport;
import dev.w2v.core.eval.WordPairEvaluator;
import dev.w2v.core.json.Json;
import dev.w2v.core.vectors.WordVectors;
import dev.w2v.runner.VerboseOption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code w2v evaluate}: analogy accuracy and word-similarity correlation of a vector file. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate word vectors on analogies (3CosAdd over the 30000 most frequent words, as word2vec C's",
      "compute-accuracy and gensim do) and word similarity (Spearman). Without --analogies or --similarity",
      "the bundled questions-words.txt and wordsim353.tsv are used."
    })
public final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin VectorsOption vectors;

  @Option(
      names = "--analogies",
      paramLabel = "FILE",
      description = "Analogy questions in questions-words.txt format.")
  Path analogies;

  @Option(
      names = "--similarity",
      paramLabel = "FILE",
      description = "Word pairs with scores, tab-separated (repeatable).")
  List<Path> similarity = new ArrayList<>();

  @Option(
      names = "--restrict-vocab",
      defaultValue = "30000",
      description =
          "Analogy answers are searched among this many most frequent words (default ${DEFAULT-VALUE}).")
  int restrictVocab;

  @Option(
      names = "--case-sensitive",
      description = "Compare words as written (default: case-insensitive, like gensim).")
  boolean caseSensitive;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (analogies == null && similarity.isEmpty()) {
      Path data = Path.of(System.getProperty("w2v.home", ".")).resolve("data");
      analogies = data.resolve("questions-words.txt");
      similarity = List.of(data.resolve("wordsim353.tsv"));
    }
    Evaluation evaluation =
        Evaluation.run(
            vectors.read(), vectors.file, analogies, similarity, restrictVocab, !caseSensitive);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? evaluation.toJson() : evaluation.toTable());
    out.flush();
    return 0;
  }

  /** The results of one evaluation, renderable as a table or as JSON. */
  public record Evaluation(
      Path vectors,
      AnalogyReport analogies,
      Path analogyFile,
      List<SimilarityReport> similarity,
      List<Path> similarityFiles) {

    /** Evaluates {@code words} on the given files; either kind may be absent. */
    public static Evaluation run(
        WordVectors words,
        Path source,
        Path analogyFile,
        List<Path> similarityFiles,
        int restrictVocab,
        boolean caseInsensitive) {
      AnalogyReport analogies =
          analogyFile == null
              ? null
              : new AnalogyEvaluator(restrictVocab, caseInsensitive).evaluate(words, analogyFile);
      List<SimilarityReport> similarity = new ArrayList<>();
      for (Path file : similarityFiles) {
        similarity.add(
            new WordPairEvaluator(WordPairEvaluator.defaults().restrictVocab(), caseInsensitive)
                .evaluate(words, file));
      }
      return new Evaluation(
          source, analogies, analogyFile, similarity, List.copyOf(similarityFiles));
    }

    public String toTable() {
      StringBuilder text = new StringBuilder();
      if (analogies != null) {
        text.append("Analogies: ")
            .append(label(analogyFile))
            .append('\n')
            .append(analogies.toTable())
            .append('\n');
      }
      for (int i = 0; i < similarity.size(); i++) {
        text.append("Word similarity: ")
            .append(label(similarityFiles.get(i)))
            .append('\n')
            .append(similarity.get(i).toTable())
            .append('\n');
      }
      return text.toString();
    }

    /** A file w2v ships is named as in its folder, not by this machine's absolute path. */
    private static String label(Path file) {
      Path home = Path.of(System.getProperty("w2v.home", ".")).toAbsolutePath().normalize();
      Path absolute = file.toAbsolutePath().normalize();
      return absolute.startsWith(home.resolve("data"))
          ? home.relativize(absolute) + " (bundled)"
          : file.toString();
    }

    /** One line of JSON: the vector file, then each evaluation with the file it read. */
    public String toJson() {
      List<FileResult<SimilarityReport>> pairs = new ArrayList<>();
      for (int i = 0; i < similarity.size(); i++) {
        pairs.add(new FileResult<>(similarityFiles.get(i).toString(), similarity.get(i)));
      }
      return Json.write(
              new JsonView(
                  vectors.toString(),
                  analogies == null ? null : new FileResult<>(analogyFile.toString(), analogies),
                  pairs))
          + "\n";
    }

    /** The shape of {@link #toJson()}: absent analogies are left out, not null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record JsonView(
        String vectors,
        FileResult<AnalogyReport> analogies,
        List<FileResult<SimilarityReport>> similarity) {}

    private record FileResult<T>(String file, T result) {}
  }
}
