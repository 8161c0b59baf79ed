package dev.w2v.runner;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The training flags of word2vec C ({@code word2vec -size 100 -cbow 1}) and fastText ({@code
 * fasttext skipgram -dim 100 -ws 5}) and what w2v calls them, so that a user who types theirs is
 * told ours in one line instead of "Unknown options". README.md's table lists the same mapping.
 */
final class ForeignOptions {

  /** Whose flag it is. */
  enum Tool {
    WORD2VEC,
    FASTTEXT
  }

  /**
   * What a foreign flag with a given value is in w2v.
   *
   * @param args w2v's arguments, empty if there is no equivalent
   * @param fastOnly whether they need {@code --trainer fast} (keys only the fast trainer reads)
   * @param note what to know besides, or null
   */
  record Translation(List<String> args, boolean fastOnly, String note) {

    static Translation of(String... args) {
      return new Translation(List.of(args), false, null);
    }

    static Translation fast(String... args) {
      return new Translation(List.of(args), true, null);
    }

    static Translation none(String why) {
      return new Translation(List.of(), false, why);
    }

    Translation withNote(String note) {
      return new Translation(args, fastOnly, note);
    }
  }

  /**
   * A foreign flag.
   *
   * @param name as the other tool spells it, such as {@code -size}
   * @param tools whose flag it is (both tools' for {@code -output})
   * @param takesValue whether the next argument is its value
   * @param translate its w2v equivalent for a value ({@code VALUE} when the value is missing)
   */
  record Flag(
      String name, Set<Tool> tools, boolean takesValue, Function<String, Translation> translate) {}

  private static final Map<String, Flag> FLAGS = new LinkedHashMap<>();

  private static final String HS_NOTE =
      "hs is the example plugin: put the jar that examples/loss-hierarchical-softmax builds into"
          + " ./plugins";

  static {
    // word2vec C's flags, in word2vec.c's usage order
    w2v("-train", v -> Translation.of("--corpus", v));
    add("-output", EnumSet.allOf(Tool.class), true, v -> Translation.of("--out", folder(v)));
    w2v("-size", v -> Translation.of("--dim", v));
    w2v("-window", v -> Translation.of("--window", v));
    w2v("-sample", v -> Translation.of("--set", "sample=" + v));
    w2v(
        "-hs",
        v -> "0".equals(v) ? Translation.of() : Translation.of("--loss", "hs").withNote(HS_NOTE));
    w2v(
        "-negative",
        v ->
            "0".equals(v)
                ? Translation.none("-negative 0 needs no flag: --loss alone picks the loss")
                : Translation.of("--set", "negsampling.k=" + v));
    w2v("-threads", v -> Translation.fast("--set", "threads=" + v));
    w2v("-iter", v -> Translation.fast("--set", "epochs=" + v));
    w2v("-min-count", v -> Translation.fast("--set", "min-count=" + v));
    w2v("-alpha", v -> Translation.of("--lr", v));
    w2v("-classes", v -> Translation.none("-classes has no equivalent: w2v does not cluster"));
    w2v("-debug", v -> Translation.none("-debug has no equivalent: progress is always shown"));
    w2v(
        "-binary",
        v -> Translation.of("--set", "vectors-format=" + ("0".equals(v) ? "text" : "binary")));
    w2v("-save-vocab", v -> Translation.of("--set", "save-vocab=" + v));
    w2v(
        "-read-vocab",
        v -> Translation.none("-read-vocab has no equivalent: w2v counts the corpus's words"));
    w2v("-cbow", v -> Translation.fast("--set", "model=" + ("0".equals(v) ? "skipgram" : "cbow")));
    // fastText's, in `fasttext skipgram`'s usage order (-output is above)
    fastText("-input", v -> Translation.of("--corpus", v));
    fastText("-lr", v -> Translation.of("--lr", v));
    fastText(
        "-lrUpdateRate",
        v -> Translation.none("-lrUpdateRate has no equivalent: the rate decays with every word"));
    fastText("-dim", v -> Translation.of("--dim", v));
    fastText("-ws", v -> Translation.of("--window", v));
    fastText("-epoch", v -> Translation.fast("--set", "epochs=" + v));
    fastText("-minCount", v -> Translation.fast("--set", "min-count=" + v));
    fastText("-neg", v -> Translation.of("--set", "negsampling.k=" + v));
    for (String subwords : List.of("-wordNgrams", "-bucket", "-minn", "-maxn")) {
      fastText(
          subwords,
          v -> Translation.none(subwords + " has no equivalent: w2v learns whole words only"));
    }
    fastText(
        "-loss",
        v ->
            switch (v) {
              case "ns" -> Translation.of("--loss", "negsampling");
              case "hs" -> Translation.of("--loss", "hs").withNote(HS_NOTE);
              case "softmax" -> Translation.of("--loss", "softmax");
              default ->
                  Translation.of("--loss", "NAME").withNote("`w2v plugins` lists the losses");
            });
    fastText("-thread", v -> Translation.fast("--set", "threads=" + v));
    fastText("-t", v -> Translation.of("--set", "sample=" + v));
    fastText("-verbose", v -> Translation.none("-verbose has no equivalent: progress is shown"));
    add(
        "-saveOutput",
        EnumSet.of(Tool.FASTTEXT),
        false,
        v -> Translation.of("--set", "vectors=output"));
  }

  /** fastText's training commands: w2v's {@code train --trainer fast}. */
  private static final Map<String, List<String>> COMMANDS =
      Map.of(
          "skipgram",
          List.of("train", "--trainer", "fast"),
          "cbow",
          List.of("train", "--trainer", "fast", "--set", "model=cbow"));

  private ForeignOptions() {}

  private static void w2v(String name, Function<String, Translation> translate) {
    add(name, EnumSet.of(Tool.WORD2VEC), true, translate);
  }

  private static void fastText(String name, Function<String, Translation> translate) {
    add(name, EnumSet.of(Tool.FASTTEXT), true, translate);
  }

  private static void add(
      String name, Set<Tool> tools, boolean takesValue, Function<String, Translation> translate) {
    FLAGS.put(name, new Flag(name, Set.copyOf(tools), takesValue, translate));
  }

  /** word2vec C's {@code -output vectors.bin} names a file, fastText's a prefix; ours a folder. */
  private static String folder(String file) {
    return file.replaceFirst("\\.(bin|txt|vec)$", "");
  }

  /** Every foreign flag, word2vec C's first. */
  static List<Flag> flags() {
    return List.copyOf(FLAGS.values());
  }

  /**
   * The one-line message for a command line that uses word2vec C's or fastText's flags with {@code
   * train}, or fastText's {@code skipgram} or {@code cbow} command; empty if it uses none.
   */
  static Optional<String> explain(List<String> args) {
    int command = 0;
    while (command < args.size() && args.get(command).startsWith("-")) {
      command++;
    }
    if (command == args.size()) {
      return Optional.empty();
    }
    String name = args.get(command);
    List<String> fastTextCommand = COMMANDS.get(name);
    if (!name.equals("train") && fastTextCommand == null) {
      return Optional.empty();
    }
    List<String> found = new ArrayList<>();
    Set<Tool> tools = EnumSet.allOf(Tool.class);
    List<String> translated = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    boolean fastOnly = false;
    for (int i = command + 1; i < args.size(); i++) {
      Flag flag = FLAGS.get(args.get(i));
      if (flag == null) {
        rest.add(args.get(i));
        continue;
      }
      found.add(flag.name());
      tools.retainAll(flag.tools());
      String value = "VALUE";
      if (flag.takesValue() && i + 1 < args.size() && !FLAGS.containsKey(args.get(i + 1))) {
        value = args.get(++i);
      }
      Translation t = flag.translate().apply(value);
      translated.addAll(t.args());
      fastOnly |= t.fastOnly();
      if (t.note() != null) {
        notes.add(t.note());
      }
    }
    StringBuilder line = new StringBuilder();
    if (fastTextCommand != null) {
      List<String> suggestion = new ArrayList<>(fastTextCommand);
      suggestion.addAll(translated);
      suggestion.addAll(rest);
      line.append("unknown command '")
          .append(name)
          .append("' (fastText's); did you mean w2v ")
          .append(String.join(" ", suggestion))
          .append('?');
    } else if (found.isEmpty()) {
      return Optional.empty();
    } else {
      if (fastOnly && !rest.contains("--trainer") && !rest.contains("--trainer=fast")) {
        translated.addAll(0, List.of("--trainer", "fast"));
      }
      line.append(found.size() == 1 ? "unknown option " : "unknown options ");
      for (int i = 0; i < found.size(); i++) {
        line.append(i == 0 ? "'" : ", '").append(found.get(i)).append('\'');
      }
      line.append(" (").append(whose(tools)).append(')');
      if (!translated.isEmpty()) {
        line.append("; did you mean ").append(String.join(" ", translated)).append('?');
      }
    }
    for (String note : notes) {
      line.append(" (").append(note).append(')');
    }
    return Optional.of(
        line.append(" README.md maps every word2vec C and fastText flag to w2v's.").toString());
  }

  /** "word2vec C's", "fastText's", or both when the flags are of both tools. */
  private static String whose(Set<Tool> common) {
    if (common.size() == 1) {
      return common.contains(Tool.WORD2VEC) ? "word2vec C's" : "fastText's";
    }
    // every flag is both tools' (-output), or they mix the two tools
    return "word2vec C's and fastText's";
  }
}
