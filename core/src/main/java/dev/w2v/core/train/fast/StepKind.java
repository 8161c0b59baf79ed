package dev.w2v.core.train.fast;

import dev.w2v.api.BatchedLoss;
import dev.w2v.api.Loss;
import dev.w2v.core.W2vException;
import dev.w2v.core.train.Setting;
import dev.w2v.core.train.Settings;
import java.util.List;
import java.util.Locale;

/**
 * How the fast trainer hands pairs to the loss: one call per pair ({@link WordStep}), or a window
 * per call when the loss is a {@link BatchedLoss} ({@link BatchedStep}).
 */
public enum StepKind {
  /** Batched where the loss can and the model's batched form keeps quality: skip-gram only. */
  AUTO,
  /** One batched call per window; refused for a loss that is not a {@link BatchedLoss}. */
  BATCHED,
  /** One call per (input, target) pair, word2vec C's step, for any loss. */
  PAIRS;

  static final Setting SETTING =
      Setting.choice(
          "step",
          "auto",
          List.of("auto", "batched", "pairs"),
          "batched: a window per loss call (HogBatch); pairs: one call per pair; auto: batched"
              + " for skipgram where the loss offers it, pairs for cbow");

  /** The kind the settings name. */
  public static StepKind from(Settings settings) {
    return valueOf(SETTING.stringValue(settings).toUpperCase(Locale.ROOT));
  }

  /** This choice made concrete for {@code model} and {@code loss}. */
  StepKind resolve(Model model, Loss loss, String lossName) {
    boolean can = loss instanceof BatchedLoss;
    return switch (this) {
      case AUTO -> can && batchedByDefault(model) ? BATCHED : PAIRS;
      case PAIRS -> PAIRS;
      case BATCHED -> {
        if (!can) {
          throw new W2vException(
              "step=batched needs a loss with a batched form (dev.w2v.api.BatchedLoss); '"
                  + lossName
                  + "' has none: use step=pairs or auto");
        }
        yield BATCHED;
      }
    };
  }

  /**
   * Whether the batched form of {@code model} keeps quality parity, as measured on the corpus of
   * bench/peers.sh over 3 seeds (bench/README.md, "Batched or per pair"): skip-gram's does (it is
   * even a little better, from word2vec C's orientation of the pair), CBOW's loses about 0.015 of
   * analogy accuracy to its shared negatives, so CBOW stays per pair unless asked.
   */
  static boolean batchedByDefault(Model model) {
    return model == Model.SKIPGRAM;
  }

  /** The name used in configuration and in the checkpoint's fingerprint. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
