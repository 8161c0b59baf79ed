package dev.w2v.core.train.fast;

import dev.w2v.api.BatchedLoss;
import dev.w2v.api.Loss;
import dev.w2v.core.W2vException;
import dev.w2v.core.train.Setting;
import dev.w2v.core.train.Settings;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

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

  /** The {@code step} key, shared by the trainers that take it. */
  public static final Setting SETTING =
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

  /**
   * This choice made concrete for {@code model} and {@code loss}: {@link #BATCHED} or {@link
   * #PAIRS}.
   *
   * @throws W2vException for {@link #BATCHED} with a loss that has no batched form
   */
  public StepKind resolve(Model model, Loss loss, String lossName) {
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

  /**
   * One thread's step of this resolved kind, over matrices the threads share.
   *
   * @param window the largest window, which sizes a batched step's buffers
   * @param random the thread's own generator, for the windows and the loss
   * @throws IllegalStateException for {@link #AUTO}, which must be {@link #resolve resolved} first
   */
  public SentenceStep newStep(
      Model model,
      Loss loss,
      float[] inputs,
      float[] outputs,
      float[][] extras,
      int window,
      RandomGenerator random) {
    return switch (this) {
      case BATCHED ->
          new BatchedStep(model, (BatchedLoss) loss, inputs, outputs, extras, window, random);
      case PAIRS ->
          new PairSentenceStep(new WordStep(model, loss, inputs, outputs, extras, random));
      case AUTO -> throw new IllegalStateException("resolve the step kind before making a step");
    };
  }

  /** The name used in configuration and in the checkpoint's fingerprint. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
