package dev.w2v.runner;

import dev.w2v.core.MemoryException;
import dev.w2v.core.W2vException;
import dev.w2v.core.query.SpellingSuggestions;
import dev.w2v.core.train.Trainers;
import dev.w2v.runner.config.ConfigurationLoader;
import dev.w2v.runner.explore.ExploreCommand;
import dev.w2v.runner.query.AnalogyCommand;
import dev.w2v.runner.query.DoesntMatchCommand;
import dev.w2v.runner.query.EvaluateCommand;
import dev.w2v.runner.query.NeighborsCommand;
import dev.w2v.runner.query.PlotCommand;
import dev.w2v.runner.query.SimilarCommand;
import dev.w2v.runner.query.SimilarityCommand;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code w2v} command. */
@Command(
    name = "w2v",
    mixinStandardHelpOptions = true,
    versionProvider = W2v.Version.class,
    description = "Skip-gram word2vec with losses as plugins.")
public final class W2v {

  /** Exit status of a check that ran and failed, such as a gradient check. */
  public static final int CHECK_FAILED = 1;

  /**
   * Exit status for a user error: bad input, configuration or environment, or too little memory.
   */
  public static final int USER_ERROR = 2;

  /** Exit status for a fault of w2v itself: a bug to report. */
  public static final int INTERNAL_ERROR = 3;

  /**
   * The subcommands by name, in the order help lists them. Only the one a command line names is
   * built (picocli reads every option of every command it is given, which took a tenth of a second
   * of each start); all are for help, completion and a mistyped name.
   */
  static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    commands.put("train", TrainCommand.class);
    commands.put("gradcheck", GradcheckCommand.class);
    commands.put("plugins", PluginsCommand.class);
    commands.put("evaluate", EvaluateCommand.class);
    commands.put("neighbors", NeighborsCommand.class);
    commands.put("similar", SimilarCommand.class);
    commands.put("similarity", SimilarityCommand.class);
    commands.put("analogy", AnalogyCommand.class);
    commands.put("doesnt-match", DoesntMatchCommand.class);
    commands.put("plot", PlotCommand.class);
    commands.put("explore", ExploreCommand.class);
    commands.put("completion", CompletionCommand.class);
    commands.put("help", CommandLine.HelpCommand.class);
    return Collections.unmodifiableMap(commands);
  }

  /**
   * The command line for {@code args}: with only the subcommand they name, or with all of them when
   * they name none (help, completion, a mistyped name).
   */
  static CommandLine commandLine(String... args) {
    CommandLine commandLine = new CommandLine(new W2v());
    String named = args.length > 0 ? args[0] : "";
    if (COMMANDS.containsKey(named) && !named.equals("help") && !named.equals("completion")) {
      commandLine.addSubcommand(named, COMMANDS.get(named));
    } else {
      COMMANDS.forEach(commandLine::addSubcommand);
    }
    // After the subcommands: picocli gives them the settings made so far only.
    commandLine.setUsageHelpWidth(110);
    CommandLine train = commandLine.getSubcommands().get("train");
    if (train != null) {
      train
          .getCommandSpec()
          .usageMessage()
          .footer("%n" + ConfigurationLoader.describeKeys(Trainers.load()).replace("%", "%%"));
    }
    return commandLine;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status. */
  public static int run(String[] args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine commandLine = commandLine(args);
    commandLine.setExecutionExceptionHandler(
        (thrown, cmd, parsed) -> report(thrown, cmd.getErr(), verbose));
    commandLine.setParameterExceptionHandler(
        (e, a) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println(
              "w2v: "
                  + describe(e)
                  + " (see `"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help`)");
          err.flush();
          return USER_ERROR;
        });
    Optional<String> foreign = ForeignOptions.explain(Arrays.asList(args));
    if (foreign.isPresent()) {
      // Before parsing: picocli would read word2vec C's -hs as -h (help) plus s.
      commandLine.getErr().println("w2v: " + foreign.get());
      commandLine.getErr().flush();
      return USER_ERROR;
    }
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // picocli hands only Exceptions to the handler above; Errors of the main thread land here.
      return report(e, commandLine.getErr(), verbose);
    }
  }

  /**
   * Prints one line for {@code thrown} and returns the exit status: the message of a {@link
   * W2vException} (2); advice for running out of memory (2); otherwise an internal error (3).
   */
  static int report(Throwable thrown, PrintWriter err, boolean verbose) {
    Throwable user = find(thrown, W2vException.class);
    Throwable memory = find(thrown, OutOfMemoryError.class);
    int status;
    if (memory != null && !(user instanceof MemoryException)) {
      long maxMb = Runtime.getRuntime().maxMemory() >> 20;
      err.println(
          "w2v: out of memory: this run needs more than the "
              + maxMb
              + " MB Java may use; raise the limit with W2V_JAVA_OPTS=-Xmx"
              + Math.max(1, 2 * maxMb / 1024)
              + "g, or lower dim or the vocabulary (min-count)");
      status = USER_ERROR;
    } else if (user != null) {
      err.println("w2v: " + user.getMessage());
      status = USER_ERROR;
    } else {
      err.println("w2v: internal error: " + thrown + " (please report it; --verbose shows where)");
      status = INTERNAL_ERROR;
    }
    if (verbose) {
      thrown.printStackTrace(err);
    } else if (status == INTERNAL_ERROR) {
      err.println("w2v: run again with --verbose for the stack trace");
    }
    err.flush();
    return status;
  }

  /**
   * A command-line mistake in one phrase: picocli's message, with "did you mean" for a mistyped
   * command or option (by the spelling distance that unknown words and keys use too).
   */
  static String describe(ParameterException e) {
    CommandLine command = e.getCommandLine();
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String arg = unmatched.getUnmatched().get(0);
      boolean option = unmatched.isUnknownOption() || arg.startsWith("-");
      boolean subcommand = !option && !command.getSubcommands().isEmpty();
      if (option || subcommand) {
        Collection<String> candidates =
            option ? optionNames(command.getCommandSpec()) : command.getSubcommands().keySet();
        List<String> close = closest(option ? arg.replaceFirst("=.*", "") : arg, candidates);
        String what = (option ? "unknown option '" : "unknown command '") + arg + "'";
        if (!close.isEmpty()) {
          return what + "; did you mean " + String.join(" or ", close) + "?";
        }
        return subcommand
            ? what + "; the commands are " + String.join(", ", command.getSubcommands().keySet())
            : what;
      }
      return "unexpected argument '" + arg + "'";
    }
    if (e instanceof MissingParameterException missing) {
      // "--vector f" is taken for a positional argument, so picocli reports --vectors missing:
      // name the mistyped option instead.
      for (String arg : missing.getCommandLine().getParseResult().originalArgs()) {
        if (arg.startsWith("--")
            && command.getCommandSpec().findOption(arg.replaceFirst("=.*", "")) == null) {
          List<String> close =
              closest(arg.replaceFirst("=.*", ""), optionNames(command.getCommandSpec()));
          if (!close.isEmpty()) {
            return "unknown option '" + arg + "'; did you mean " + String.join(" or ", close) + "?";
          }
        }
      }
    }
    String message = e.getMessage();
    // picocli's sentences start upper-case; ours continue "w2v: " in lower case
    return message.length() > 1
            && Character.isUpperCase(message.charAt(0))
            && Character.isLowerCase(message.charAt(1))
        ? Character.toLowerCase(message.charAt(0)) + message.substring(1)
        : message;
  }

  private static List<String> optionNames(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      names.addAll(Arrays.asList(option.names()));
    }
    return names;
  }

  /** The candidates nearest in spelling to {@code typed}, if near enough to be a typo. */
  private static List<String> closest(String typed, Collection<String> candidates) {
    int best = Integer.MAX_VALUE;
    List<String> out = new ArrayList<>();
    for (String candidate : candidates) {
      int d = SpellingSuggestions.distance(typed, candidate);
      if (d > Math.max(2, typed.length() / 3)) {
        continue;
      }
      if (d < best) {
        best = d;
        out.clear();
      }
      if (d == best) {
        out.add(candidate);
      }
    }
    return out;
  }

  /** The first throwable of {@code type} in the cause chain (Guice and threads wrap them). */
  private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = W2v.class.getPackage().getImplementationVersion();
      return new String[] {
        "w2v "
            + (version == null ? "(development build)" : version)
            + ", plugin API "
            + dev.w2v.api.ApiVersion.string()
      };
    }
  }
}
