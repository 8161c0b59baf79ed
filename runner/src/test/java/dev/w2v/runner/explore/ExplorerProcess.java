package dev.w2v.runner.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.w2v.runner.W2vProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code w2v explore} from the packaged jar, in a process of its own, until closed. */
final class ExplorerProcess implements AutoCloseable {

  private static final Pattern URL = Pattern.compile("open (http://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path out;
  private final Path err;
  private final URI url;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A response: status, body and the parsed JSON (null if the body is not JSON). */
  record Response(int status, String body, JsonNode json, java.net.http.HttpHeaders headers) {}

  private ExplorerProcess(Process process, Path out, Path err, URI url) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.url = url;
  }

  /** Starts {@code w2v explore ARGS} and waits until it prints its address. */
  static ExplorerProcess start(Path workingDirectory, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-modules");
    command.add("jdk.incubator.vector");
    command.add("-jar");
    command.add(W2vProcess.jar().toString());
    command.add("explore");
    command.addAll(List.of(args));
    Path out = Files.createTempFile("explore-out", ".txt");
    Path err = Files.createTempFile("explore-err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      Matcher m = URL.matcher(Files.readString(out, StandardCharsets.UTF_8));
      if (m.find()) {
        return new ExplorerProcess(process, out, err, URI.create(m.group(1)));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "w2v explore ended with exit "
                + process.exitValue()
                + " before printing its address:\n"
                + Files.readString(out)
                + Files.readString(err));
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("w2v explore printed no address in 90 s: " + command);
  }

  URI url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  Process process() {
    return process;
  }

  String stdout() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  String stderr() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  /** GETs {@code pathAndQuery} (already encoded) from the explorer. */
  Response get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(url.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode json = null;
    if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
      json = JSON.readTree(r.body());
    }
    return new Response(r.statusCode(), r.body(), json, r.headers());
  }

  /**
   * Whether this JVM ignores SIGINT, as every job a non-interactive shell starts with {@code &}
   * does ({@code SigIgn} in /proc/self/status). A child inherits that, and its JVM then installs no
   * handler for it, so Ctrl-C cannot be tested from here.
   */
  static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
        return (mask & (1L << (2 - 1))) != 0; // bit n-1 for signal n; SIGINT is 2
      }
    }
    return false;
  }

  /** Sends SIGINT, as Ctrl-C in a terminal does, and waits for the process to end. */
  int interrupt() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("w2v explore did not stop within 30 s of SIGINT");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
  }
}
