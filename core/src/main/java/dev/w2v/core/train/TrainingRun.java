package dev.w2v.core.train;

import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.Checkpoint;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.checkpoint.Fingerprint;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.corpus.PreparedCorpus;
import dev.w2v.core.corpus.Vocabulary;
import dev.w2v.core.corpus.VocabularyPolicy;
import dev.w2v.core.model.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One training run as a trainer sees it: the corpus to read, the loss to create, who listens, and
 * the run's checkpoints and cancellation. The command line and the library build one with {@link
 * #builder}; the trainer does the rest. What every trainer must do the same way is done here, not
 * in each trainer: reading the corpus through the one pipeline, refusing a resume under other
 * settings, writing checkpoints only when every parameter is finite, and wording a divergence.
 */
public final class TrainingRun {

  private final CorpusSource corpus;
  private final LossFactory losses;
  private final TrainingListener listener;
  private final CheckpointStore store;
  private final boolean resume;
  private final Cancellation cancellation;
  private final long maxInMemoryPositions;
  private final SavedModel startingModel;
  private List<Path> earlierRun = List.of();
  private Path lastGood;

  private TrainingRun(Builder b) {
    this.corpus = b.corpus;
    this.losses = b.losses;
    this.listener = b.listener;
    this.store = b.store;
    this.resume = b.resume;
    this.cancellation = b.cancellation;
    this.maxInMemoryPositions = b.maxInMemoryPositions;
    this.startingModel = b.startingModel;
  }

  /** A run of {@code corpus} with the loss {@code losses} creates; see the builder's defaults. */
  public static Builder builder(CorpusSource corpus, LossFactory losses) {
    return new Builder(corpus, losses);
  }

  /** What the trainer reads. A distributed trainer reads it in its own way. */
  public CorpusSource corpus() {
    return corpus;
  }

  /**
   * The shared local pipeline: reads the corpus once, builds its vocabulary under {@code policy},
   * encodes it, and tells the listener. A run that continues a model gets the model's words first,
   * in its order, then the corpus's new words ({@link VocabularyPolicy#extend}).
   */
  public PreparedCorpus prepare(VocabularyPolicy policy) {
    PreparedCorpus prepared =
        PreparedCorpus.prepare(
            corpus,
            policy,
            maxInMemoryPositions,
            startingModel == null ? null : startingModel.vocabulary());
    listener.corpusPrepared(prepared.vocabulary(), prepared.statistics());
    return prepared;
  }

  /**
   * The model this run continues training from, if any. A trainer that honours it ({@link
   * TrainerProvider#continuesTraining()}) builds its vocabulary through {@link #prepare}, calls
   * {@link #initialiseFromStartingModel} after initialising its matrices, and puts {@link
   * SavedModel#fingerprint()} into its checkpoints' fingerprint; a trainer that does not refuses
   * the run.
   */
  public Optional<SavedModel> startingModel() {
    return Optional.ofNullable(startingModel);
  }

  /**
   * Copies the starting model's rows into freshly initialised matrices: every input row, and the
   * output rows where the loss keeps one per word (a warning says when they cannot be reused). New
   * words keep their initialisation. Does nothing when the run starts from scratch.
   *
   * @throws W2vException if the model's dimension is not the run's
   */
  public void initialiseFromStartingModel(
      Vocabulary vocabulary, int dimension, float[] input, float[] output) {
    if (startingModel != null) {
      startingModel.copyInto(
          vocabulary, dimension, input, output, losses.lossName(), listener::warning);
    }
  }

  /** Creates the configured loss once the vocabulary is known. */
  public LossFactory losses() {
    return losses;
  }

  /** Who hears about the run. */
  public TrainingListener listener() {
    return listener;
  }

  /** Set from another thread to stop the run after a checkpoint. */
  public Cancellation cancellation() {
    return cancellation;
  }

  /** Whether this run writes checkpoints. */
  public boolean checkpointing() {
    return store != null;
  }

  /**
   * The checkpoint to continue from, if this run resumes; its settings must equal {@code settings}.
   * On a fresh run in a folder holding an earlier run's checkpoints, says that they will be
   * replaced once this run writes its first.
   *
   * @throws W2vException if resuming but no checkpoint is intact, or the newest was written under
   *     other settings (naming each difference)
   */
  public Optional<Checkpoint> resumeFrom(Fingerprint settings) {
    if (store == null) {
      if (resume) {
        throw new W2vException("--resume needs an output folder with checkpoints");
      }
      return Optional.empty();
    }
    if (!resume) {
      earlierRun = store.files();
      if (!earlierRun.isEmpty()) {
        listener.warning(
            "starting afresh: the checkpoints of an earlier run in "
                + store.folder()
                + " are replaced once this run writes its first (use --resume to continue"
                + " that run instead)");
      }
      return Optional.empty();
    }
    CheckpointStore.Stored stored =
        store
            .loadNewest(listener::warning)
            .orElseThrow(
                () ->
                    new W2vException(
                        "nothing to resume: no checkpoint in "
                            + store.folder()
                            + "; run without --resume to start"));
    List<String> differences =
        Fingerprint.parse(stored.checkpoint().fingerprint()).differences(settings);
    if (!differences.isEmpty()) {
      throw new W2vException(
          "cannot resume from "
              + stored.file()
              + ": "
              + String.join("; ", differences)
              + ". Resume with the checkpoint's settings, or start afresh without --resume or"
              + " in another --out");
    }
    lastGood = stored.file();
    return Optional.of(stored.checkpoint());
  }

  /**
   * Writes {@code checkpoint} atomically, after the listener has made what it recorded durable. The
   * first checkpoint of a fresh run replaces an earlier run's.
   *
   * @throws W2vException if a matrix holds a non-finite value: a diverged run must not leave a
   *     checkpoint that looks good
   */
  public Path saveCheckpoint(Checkpoint checkpoint) {
    Objects.requireNonNull(store, "this run writes no checkpoints");
    for (float[] matrix : checkpoint.matrices()) {
      int bad = Matrices.firstNonFinite(matrix);
      if (bad >= 0) {
        throw diverged(
            "a parameter became " + matrix[bad] + " by position " + checkpoint.position(),
            "lower --lr");
      }
    }
    listener.beforeCheckpoint(checkpoint.position());
    Path file = store.save(checkpoint);
    for (Path old : earlierRun) {
      if (!old.equals(file)) {
        try {
          Files.deleteIfExists(old);
        } catch (IOException e) {
          throw new W2vException("cannot remove old checkpoint " + old + ": " + e.getMessage());
        }
      }
    }
    earlierRun = List.of();
    lastGood = file;
    listener.checkpointed(checkpoint.position(), file);
    return file;
  }

  /** The newest checkpoint this run wrote or resumed from. */
  public Optional<Path> lastGoodCheckpoint() {
    return Optional.ofNullable(lastGood);
  }

  /**
   * The error for a run whose loss or parameters stopped being finite: what happened, one line of
   * advice, and the last good checkpoint only if there is one.
   */
  public W2vException diverged(String what, String advice) {
    return new W2vException(
        "training diverged: "
            + what
            + "; "
            + advice
            + lastGoodCheckpoint()
                .map(p -> " (the last good checkpoint, " + p + ", is kept)")
                .orElse(" (no checkpoint was written)"));
  }

  /**
   * The error for a run stopped by its cancellation, after {@code checkpoint} (null if none could
   * be written).
   */
  public TrainingCancelledException cancelled(long position, Path checkpoint) {
    String why = cancellation.reason() == null ? "stopped" : cancellation.reason();
    return new TrainingCancelledException(
        why
            + " at position "
            + position
            + (checkpoint == null
                ? "; no checkpoint was written"
                : "; checkpoint " + checkpoint + " written, --resume continues from it"),
        checkpoint);
  }

  /** Builds a {@link TrainingRun}. */
  public static final class Builder {
    private final CorpusSource corpus;
    private final LossFactory losses;
    private TrainingListener listener = TrainingListener.NONE;
    private CheckpointStore store;
    private boolean resume;
    private Cancellation cancellation = new Cancellation();
    private long maxInMemoryPositions = Runtime.getRuntime().maxMemory() / 4 / Integer.BYTES;
    private SavedModel startingModel;

    private Builder(CorpusSource corpus, LossFactory losses) {
      this.corpus = Objects.requireNonNull(corpus, "corpus");
      this.losses = Objects.requireNonNull(losses, "losses");
    }

    /** Who hears about the run; by default nobody. */
    public Builder listener(TrainingListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Where checkpoints go; by default none are written. */
    public Builder checkpoints(CheckpointStore store) {
      this.store = store;
      return this;
    }

    /** Continue from the newest intact checkpoint instead of starting afresh. */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /** The cancellation to honour; by default one nobody requests. */
    public Builder cancellation(Cancellation cancellation) {
      this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
      return this;
    }

    /**
     * Positions of the encoded corpus kept on the heap; beyond, a memory-mapped temporary file. By
     * default a quarter of the maximum heap.
     */
    public Builder maxInMemoryPositions(long positions) {
      if (positions < 0) {
        throw new IllegalArgumentException("positions must not be negative");
      }
      this.maxInMemoryPositions = positions;
      return this;
    }

    /**
     * Continue training {@code model} (null: start from scratch): its words keep their rows, the
     * corpus's new words are added, and training goes on from its weights.
     */
    public Builder startFrom(SavedModel model) {
      this.startingModel = model;
      return this;
    }

    /** The run. */
    public TrainingRun build() {
      return new TrainingRun(this);
    }
  }
}
