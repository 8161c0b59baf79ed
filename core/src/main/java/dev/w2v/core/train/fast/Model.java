package dev.w2v.core.train.fast;

import dev.w2v.core.W2vException;
import java.util.Locale;

/** Which word2vec architecture the fast trainer runs. */
public enum Model {
  /** The center word's vector is the input; each word of its window is a target. */
  SKIPGRAM("skipgram", 0.025),
  /** The mean of the window's vectors is the input; the center word is the target. */
  CBOW("cbow", 0.05);

  private final String key;
  private final double defaultLearningRate;

  Model(String key, double defaultLearningRate) {
    this.key = key;
    this.defaultLearningRate = defaultLearningRate;
  }

  /** The name used in configuration: {@code skipgram} or {@code cbow}. */
  public String key() {
    return key;
  }

  /** word2vec C's starting learning rate for this model: 0.025 skip-gram, 0.05 CBOW. */
  public double defaultLearningRate() {
    return defaultLearningRate;
  }

  /** The model called {@code name} (case-insensitive; {@code skip-gram} is accepted too). */
  public static Model of(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    for (Model m : values()) {
      if (m.key.equals(n)) {
        return m;
      }
    }
    throw new W2vException("unknown model '" + name + "': use skipgram or cbow");
  }
}
