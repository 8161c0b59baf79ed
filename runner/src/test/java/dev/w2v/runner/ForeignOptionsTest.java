package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.runner.plugins.Plugins;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

class ForeignOptionsTest {

  private static String explain(String... args) {
    return ForeignOptions.explain(List.of(args)).orElseThrow();
  }

  @Test
  void word2vecCsSizeIsOurDim() {
    assertEquals(
        "unknown option '-size' (word2vec C's); did you mean --dim 100? README.md maps every"
            + " word2vec C and fastText flag to w2v's.",
        explain("train", "-size", "100"));
  }

  @Test
  void severalFlagsTranslateTogetherAndFastOnlyKeysBringTheFastTrainer() {
    String line = explain("train", "-size", "300", "-cbow", "1", "-negative", "10", "-iter", "3");
    assertTrue(
        line.contains(
            "did you mean --trainer fast --dim 300 --set model=cbow --set negsampling.k=10"
                + " --set epochs=3?"),
        line);
    assertTrue(line.startsWith("unknown options '-size', '-cbow', '-negative', '-iter'"), line);
    assertFalse(
        explain("train", "--trainer", "fast", "-iter", "3").contains("--trainer fast --set"),
        "the trainer is not suggested twice");
    assertTrue(explain("train", "-ws", "5", "-dim", "50").contains("(fastText's)"));
    assertTrue(
        explain("train", "-size", "5", "-dim", "50").contains("(word2vec C's and fastText's)"));
  }

  @Test
  void hsIsNotTakenForHelpAndFastTextsCommandsAreOurTrain() {
    assertTrue(explain("train", "-hs", "1").contains("did you mean --loss hs?"));
    assertEquals(
        "unknown command 'skipgram' (fastText's); did you mean w2v train --trainer fast --corpus"
            + " data.txt --out model --dim 50? README.md maps every word2vec C and fastText flag to"
            + " w2v's.",
        explain("skipgram", "-input", "data.txt", "-output", "model", "-dim", "50"));
  }

  @Test
  void ourOwnOptionsAndOtherCommandsAreLeftToPicocli() {
    assertEquals(Optional.empty(), ForeignOptions.explain(List.of("train", "--dim", "100")));
    assertEquals(Optional.empty(), ForeignOptions.explain(List.of("neighbors", "-size")));
    assertEquals(Optional.empty(), ForeignOptions.explain(List.of()));
  }

  /**
   * Every translation parses as w2v's train options and loads as a configuration, with the fast
   * trainer only where the translation says it needs it.
   */
  @Test
  void everyTranslationIsAValidW2vCommandLine() {
    Plugins plugins = Plugins.load(List.of());
    int checked = 0;
    for (ForeignOptions.Flag flag : ForeignOptions.flags()) {
      List<String> values =
          flag.name().equals("-loss") ? List.of("ns", "softmax", "hs") : List.of("1", "0");
      for (String value : values) {
        ForeignOptions.Translation t = flag.translate().apply(value);
        if (t.args().isEmpty()) {
          continue;
        }
        // what is not marked fast-only must work with the default trainer, cs224n
        List<String> args =
            new ArrayList<>(List.of("train", "--trainer", t.fastOnly() ? "fast" : "cs224n"));
        args.addAll(t.args());
        String command = flag.name() + " " + value + " -> " + String.join(" ", args);
        try {
          String[] argv = args.toArray(String[]::new);
          ParseResult parsed = W2v.commandLine(argv).parseArgs(argv);
          TrainCommand train = (TrainCommand) parsed.subcommand().commandSpec().userObject();
          train.options.load(plugins.all(), dev.w2v.core.train.Trainers.load());
        } catch (RuntimeException e) {
          throw new AssertionError(command + ": " + e.getMessage(), e);
        }
        checked++;
      }
    }
    assertTrue(checked > 30, "translations checked: " + checked);
  }
}
