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
  /** Batched where the loss can and the model's batched form keeps quality (bench/README.md). */
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
              + " where the loss offers it");

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

  /** Whether the batched form of {@code model} is measured to keep quality parity. */
  static boolean batchedByDefault(Model model) {
    return Boolean.getBoolean("w2v.exp.batchDefault." + model.key());
  }

  /** The name used in configuration and in the checkpoint's fingerprint. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
