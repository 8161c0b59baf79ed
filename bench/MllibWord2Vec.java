import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.feature.Word2Vec;
import org.apache.spark.mllib.feature.Word2VecModel;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark MLlib's Word2Vec on a text corpus, for bench/spark-peers.sh: its own defaults (skip-gram,
 * hierarchical softmax, learning rate 0.025, no sub-sampling) with dim, window and min-count as
 * given, and the vectors written in word2vec text format for `w2v evaluate`.
 *
 * <p>Usage (Java's source launcher, Spark and MLlib on the class path): {@code java -cp ...
 * bench/MllibWord2Vec.java CORPUS OUT.vec MASTER PARTITIONS EPOCHS [SEED [LR]]}; seed 31415 and
 * MLlib's learning rate 0.025 unless given. Prints {@code fit N s}, the time of {@code
 * Word2Vec.fit} alone.
 */
public final class MllibWord2Vec {

  public static void main(String[] args) throws IOException {
    String corpus = args[0];
    Path out = Path.of(args[1]);
    String master = args[2];
    int partitions = Integer.parseInt(args[3]);
    int epochs = Integer.parseInt(args[4]);
    long seed = args.length > 5 ? Long.parseLong(args[5]) : 31415;
    double learningRate = args.length > 6 ? Double.parseDouble(args[6]) : 0.025;
    SparkSession spark =
        SparkSession.builder()
            .appName("mllib-word2vec")
            .master(master)
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    try {
      JavaRDD<List<String>> sentences =
          spark
              .read()
              .text(corpus)
              .javaRDD()
              .map(row -> Arrays.asList(row.getString(0).trim().split("\\s+")));
      Word2Vec word2vec =
          new Word2Vec()
              .setVectorSize(100)
              .setWindowSize(5)
              .setMinCount(5)
              .setNumPartitions(partitions)
              .setNumIterations(epochs)
              .setLearningRate(learningRate)
              .setSeed(seed);
      long start = System.nanoTime();
      Word2VecModel model = word2vec.fit(sentences);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "fit %.2f s%n", seconds);
      Map<String, float[]> vectors = CollectionConverters.asJava(model.getVectors());
      try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        w.write(vectors.size() + " 100\n");
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
          StringBuilder line = new StringBuilder(e.getKey());
          for (float x : e.getValue()) {
            line.append(' ').append(x);
          }
          w.write(line.append('\n').toString());
        }
      }
    } finally {
      spark.stop();
    }
  }
}
