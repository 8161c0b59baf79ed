package dev.w2v.spark;

import dev.w2v.core.W2vException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark application a run trains in: started here with w2v's settings, or the one already
 * running (under {@code spark-submit}, or in a program that started Spark itself), which is then
 * left running. Turns Spark's failures to start into one line a user can act on.
 */
final class SparkRuntime implements AutoCloseable {

  private final SparkSession session;
  private final boolean owned;
  private final boolean local;

  private SparkRuntime(SparkSession session, boolean owned) {
    this.session = session;
    this.owned = owned;
    this.local = session.sparkContext().isLocal();
  }

  /**
   * Joins the running Spark application, or starts one on {@code config.master()}; on a cluster
   * master, waits until an executor has joined.
   *
   * @throws W2vException if the master URL is not one Spark knows, Spark cannot start, or no
   *     executor joins in time
   */
  static SparkRuntime start(SparkConfig config, Consumer<String> warnings) {
    SparkSession running = SparkSession.getActiveSession().getOrElse(() -> null);
    if (running == null) {
      running = SparkSession.getDefaultSession().getOrElse(() -> null);
    }
    if (running != null && !running.sparkContext().isStopped()) {
      return new SparkRuntime(running, false);
    }
    String master = config.master();
    String submitted = System.getProperty("spark.master");
    if (submitted != null && !submitted.isBlank()) {
      // spark-submit's --master (or -Dspark.master) names the cluster this application was given.
      if (!master.equals(SparkConfig.MASTER.defaultValue()) && !master.equals(submitted)) {
        warnings.accept(
            "spark-master = " + master + " is ignored: Spark was started with " + submitted);
      }
      master = submitted;
    }
    checkMaster(master);
    SparkSession.Builder builder = SparkSession.builder().appName("w2v").master(master);
    if (master.startsWith("local")) {
      builder
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.ui.enabled", "false");
    }
    for (Map.Entry<String, String> e : config.sparkConf().entrySet()) {
      builder.config(e.getKey(), e.getValue());
    }
    SparkSession session;
    try {
      session = builder.getOrCreate();
    } catch (RuntimeException e) {
      String why = String.valueOf(e.getMessage());
      if (why.contains("Master URL") || why.contains("master URL")) {
        throw badMaster(master);
      }
      throw new W2vException("cannot start Spark on " + master + ": " + why, e);
    }
    SparkRuntime runtime = new SparkRuntime(session, true);
    if (!runtime.local) {
      runtime.awaitExecutor(master, config.executorWaitSeconds());
    }
    return runtime;
  }

  /** Refuses what Spark would take minutes to reject, or would hang on. */
  private static void checkMaster(String master) {
    boolean known =
        master.matches("local(\\[(\\*|[1-9][0-9]*)(,\\s*[0-9]+)?\\])?")
            || master.matches("local-cluster\\[[0-9]+,\\s*[0-9]+,\\s*[0-9]+\\]")
            || master.matches("spark://[^\\s/]+(:[0-9]+)?(,[^\\s/]+(:[0-9]+)?)*")
            || master.equals("yarn")
            || master.matches("k8s://\\S+")
            || master.matches("mesos://\\S+");
    if (!known) {
      throw badMaster(master);
    }
    if (master.startsWith("spark://")) {
      // Spark itself would retry an absent standalone master for a minute before giving up.
      String firstFailure = null;
      for (String hostPort : master.substring("spark://".length()).split(",")) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(host, port), 10_000);
          return;
        } catch (IOException e) {
          firstFailure = firstFailure != null ? firstFailure : hostPort + ": " + e.getMessage();
        }
      }
      throw new W2vException(
          "no Spark master answers at "
              + master
              + " ("
              + firstFailure
              + "): check spark-master and that the master is up");
    }
  }

  private static W2vException badMaster(String master) {
    return new W2vException(
        "spark-master '"
            + master
            + "' is not a Spark master URL: use local[*], local[N], spark://HOST:PORT, yarn or"
            + " k8s://https://HOST:PORT");
  }

  private void awaitExecutor(String master, int seconds) {
    SparkContext sc = session.sparkContext();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    // The driver is listed among the executors; a cluster's executors come on top of it.
    while (sc.statusTracker().getExecutorInfos().length < 2) {
      if (sc.isStopped()) {
        close();
        throw new W2vException(
            "Spark gave up on master "
                + master
                + ": no master answered there; check spark-master and that the master is up");
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new W2vException(
            "no executor joined within "
                + seconds
                + " s from Spark master "
                + master
                + ": check that the master is up and has free cores and memory for this"
                + " application (executor-wait sets how long to wait)");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new W2vException("interrupted while waiting for Spark's executors");
      }
    }
  }

  /** The session. */
  SparkSession session() {
    return session;
  }

  /** The context, for the RDD API. */
  JavaSparkContext context() {
    return JavaSparkContext.fromSparkContext(session.sparkContext());
  }

  /** Whether the tasks run in this JVM (local mode). */
  boolean local() {
    return local;
  }

  /** The master this application runs on. */
  String master() {
    return session.sparkContext().master();
  }

  /** How many tasks Spark runs at once by default: the cores of every executor. */
  int defaultParallelism() {
    return session.sparkContext().defaultParallelism();
  }

  /** The cores Spark reserves for each task. */
  int taskCpus() {
    return session.sparkContext().conf().getInt("spark.task.cpus", 1);
  }

  /**
   * Ships the jars the classes of {@code objects} came from to the executors, unless they are on
   * w2v's own class path (which {@code spark-submit} or local mode already provides): plugin jars
   * loaded from a plugin folder, and w2v's jar when a launcher other than spark-submit runs on a
   * cluster.
   */
  void ship(Object... objects) {
    Set<String> jars = new LinkedHashSet<>();
    for (Object o : objects) {
      ClassLoader loader = o.getClass().getClassLoader();
      boolean own = isAncestor(loader, SparkRuntime.class.getClassLoader());
      if (!own || !local) {
        jarOf(o.getClass()).ifPresent(jars::add);
      }
    }
    for (String jar : jars) {
      session.sparkContext().addJar(jar);
    }
  }

  private static boolean isAncestor(ClassLoader candidate, ClassLoader of) {
    for (ClassLoader l = of; l != null; l = l.getParent()) {
      if (l == candidate) {
        return true;
      }
    }
    return candidate == null;
  }

  private static java.util.Optional<String> jarOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return java.util.Optional.empty();
    }
    try {
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) && path.toString().endsWith(".jar")
          ? java.util.Optional.of(path.toString())
          : java.util.Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** Stops Spark if this run started it. */
  @Override
  public void close() {
    if (owned && !session.sparkContext().isStopped()) {
      session.stop();
    }
  }
}
