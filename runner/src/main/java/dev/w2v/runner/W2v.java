package dev.w2v.runner;

import dev.w2v.core.W2vException;
import dev.w2v.runner.config.ConfigurationLoader;
import dev.w2v.runner.query.AnalogyCommand;
import dev.w2v.runner.query.EvaluateCommand;
import dev.w2v.runner.query.NeighborsCommand;
import dev.w2v.runner.query.PlotCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code w2v} command. */
@Command(
    name = "w2v",
    mixinStandardHelpOptions = true,
    versionProvider = W2v.Version.class,
    description = "Skip-gram word2vec with losses as plugins.",
    subcommands = {
      TrainCommand.class,
      GradcheckCommand.class,
      PluginsCommand.class,
      EvaluateCommand.class,
      NeighborsCommand.class,
      AnalogyCommand.class,
      PlotCommand.class,
      CommandLine.HelpCommand.class
    })
public final class W2v {

  /** Exit status for a user error: bad input, configuration or environment. */
  public static final int USER_ERROR = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status. */
  public static int run(String[] args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine commandLine = new CommandLine(new W2v()).setUsageHelpWidth(110);
    commandLine
        .getSubcommands()
        .get("train")
        .getCommandSpec()
        .usageMessage()
        .footer("%n" + ConfigurationLoader.describeKeys().replace("%", "%%"));
    commandLine.setExecutionExceptionHandler(
        (thrown, cmd, parsed) -> {
          PrintWriter err = cmd.getErr();
          Throwable e = userError(thrown);
          if (e instanceof W2vException) {
            err.println("w2v: " + e.getMessage());
          } else {
            err.println("w2v: internal error: " + e + " (please report it; --verbose shows where)");
          }
          if (verbose) {
            e.printStackTrace(err);
          } else if (!(e instanceof W2vException)) {
            err.println("w2v: run again with --verbose for the stack trace");
          }
          err.flush();
          return USER_ERROR;
        });
    commandLine.setParameterExceptionHandler(
        (e, a) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println(
              "w2v: "
                  + e.getMessage()
                  + " (see `"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help`)");
          err.flush();
          return USER_ERROR;
        });
    return commandLine.execute(args);
  }

  /** The W2vException behind Guice's wrapping, if there is one; else the exception itself. */
  private static Throwable userError(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof W2vException) {
        return t;
      }
    }
    return thrown;
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
