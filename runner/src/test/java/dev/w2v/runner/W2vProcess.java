package dev.w2v.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code w2v} entry point, the packaged jar, in a process of its own. */
public final class W2vProcess {

  /** What a run printed and how it ended. */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** A run in progress, with its output going to files. */
  public static final class Running {
    private final Process process;
    private final Path out;
    private final Path err;

    private Running(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
    }

    /** The process, to signal or kill. */
    public Process process() {
      return process;
    }

    /** What it has printed on stderr so far. */
    public String errSoFar() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits for the end (at most 5 minutes) and collects the output. */
    public Result await() throws IOException, InterruptedException {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("w2v did not finish in 5 minutes");
      }
      Result result =
          new Result(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return result;
    }
  }

  private W2vProcess() {}

  public static Path jar() {
    String jar = System.getProperty("w2v.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "the packaged w2v.jar is missing; run through `mvn verify`: " + jar);
    }
    return Path.of(jar);
  }

  /** Runs {@code w2v args} in {@code workingDirectory} to its end. */
  public static Result run(Path workingDirectory, String... args)
      throws IOException, InterruptedException {
    return start(workingDirectory, List.of(), null, args).await();
  }

  /**
   * Starts {@code w2v args}.
   *
   * @param jvm extra JVM options, such as {@code -Xmx64m}
   * @param stdin a file to feed on standard input, or null for none
   */
  public static Running start(Path workingDirectory, List<String> jvm, Path stdin, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.awt.headless=true");
    command.add("-Dw2v.home=" + System.getProperty("w2v.home", "."));
    command.addAll(jvm);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("w2v-out", ".txt");
    Path err = Files.createTempFile("w2v-err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    if (stdin != null) {
      builder.redirectInput(stdin.toFile());
    }
    return new Running(builder.start(), out, err);
  }
}
