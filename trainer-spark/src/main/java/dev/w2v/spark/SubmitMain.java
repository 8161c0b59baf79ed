package dev.w2v.spark;

import dev.w2v.runner.W2v;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of {@code w2v-spark.jar} for {@code spark-submit}: the {@code w2v} command, whose
 * {@code train} uses the spark trainer unless {@code --trainer} or {@code --set trainer=} says
 * otherwise.
 *
 * <pre>{@code
 * spark-submit --class dev.w2v.spark.SubmitMain w2v-spark.jar train \
 *     --corpus hdfs://namenode/corpus/ --out vectors-run1
 * }</pre>
 */
public final class SubmitMain {

  private SubmitMain() {}

  public static void main(String[] args) {
    System.exit(W2v.run(withSparkTrainer(args)));
  }

  /** {@code args}, with {@code --trainer spark} after {@code train} if no trainer is named. */
  static String[] withSparkTrainer(String[] args) {
    List<String> list = new ArrayList<>(Arrays.asList(args));
    if (list.isEmpty() || !list.get(0).equals("train")) {
      return args;
    }
    for (int i = 0; i < list.size(); i++) {
      String a = list.get(i);
      if (a.equals("--trainer") || a.startsWith("--trainer=")) {
        return args;
      }
      if (a.equals("--set")
          && i + 1 < list.size()
          && list.get(i + 1).trim().startsWith("trainer=")) {
        return args;
      }
    }
    list.add(1, "--trainer");
    list.add(2, "spark");
    return list.toArray(new String[0]);
  }
}
