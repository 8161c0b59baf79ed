package dev.w2v.runner.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.w2v.core.vectors.VectorFileReader;
import dev.w2v.core.vectors.WordVectors;
import dev.w2v.runner.VerboseOption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code w2v explore}: word vectors (and a training run) in the browser. */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a web page to explore word vectors: nearest neighbours, analogies, word lists, and a",
      "map (PCA or t-SNE) of a word's neighbourhood; with --run, the training run's loss curve and",
      "evaluation. Prints the page's address and runs until stopped (Ctrl-C)."
    })
public final class ExploreCommand implements Callable<Integer> {

  /** Where the explorer listens unless --host says otherwise: this machine only. */
  static final String LOOPBACK = "127.0.0.1";

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--vectors",
      required = true,
      paramLabel = "FILE",
      description =
          "A word2vec vector file, text or binary (detected), as written by w2v, word2vec C, gensim or fastText.")
  Path vectors;

  @Option(
      names = "--run",
      paramLabel = "DIR",
      description =
          "The output folder of a w2v train run: shows its loss curve (metrics.csv) and evaluation (evaluation.json).")
  Path run;

  @Option(
      names = "--port",
      defaultValue = "8080",
      paramLabel = "N",
      description = "The port to listen on (default ${DEFAULT-VALUE}); 0 picks a free one.")
  int port;

  @Option(
      names = "--host",
      defaultValue = LOOPBACK,
      paramLabel = "H",
      description =
          "The address to listen on (default ${DEFAULT-VALUE}, this machine only); another lets anyone who can reach it query the vectors.")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new dev.w2v.core.W2vException(
          "--port must be from 0 to 65535, got " + port + " (0 picks a free port)");
    }
    ObjectMapper json = new ObjectMapper();
    // Checked before the vectors are read, which can take a while: a typo fails at once.
    TrainingRun trainingRun = run == null ? null : new TrainingRun(run, json);
    WordVectors words = VectorFileReader.read(vectors);
    ExplorerApi api = new ExplorerApi(words, vectors, trainingRun);
    ExplorerServer server = ExplorerServer.start(api, json, host, port, err);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  err.println("w2v: explorer stopped");
                  err.flush();
                  stopped.countDown();
                },
                "w2v-explore-stop"));
    if (!server.loopbackOnly()) {
      err.println(
          "w2v: warning: listening on "
              + host
              + ", not only on this machine: anyone who can reach port "
              + server.port()
              + " can query these vectors");
    }
    err.flush();
    out.printf(
        Locale.ROOT,
        "w2v explore: %d words, dim %d, from %s%s%n",
        words.size(),
        words.dim(),
        vectors,
        run == null ? "" : "; training run " + run);
    out.println("w2v explore: open " + server.url() + "  (Ctrl-C stops)");
    out.flush();
    stopped.await();
    return 0;
  }
}
