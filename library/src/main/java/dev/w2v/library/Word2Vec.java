package dev.w2v.library;

import dev.w2v.api.LossProvider;
import dev.w2v.api.ParameterSpec;
import dev.w2v.api.Plugin;
import dev.w2v.api.SamplerProvider;
import dev.w2v.core.W2vException;
import dev.w2v.core.checkpoint.CheckpointStore;
import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.model.SavedModel;
import dev.w2v.core.plugin.ConfiguredLoss;
import dev.w2v.core.plugin.ProviderRegistry;
import dev.w2v.core.query.SpellingSuggestions;
import dev.w2v.core.train.Cancellation;
import dev.w2v.core.train.PipelineSettings;
import dev.w2v.core.train.Progress;
import dev.w2v.core.train.Setting;
import dev.w2v.core.train.TrainedModel;
import dev.w2v.core.train.TrainerProvider;
import dev.w2v.core.train.Trainers;
import dev.w2v.core.train.TrainingListener;
import dev.w2v.core.train.TrainingPlan;
import dev.w2v.core.train.TrainingRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A configured way to train word vectors: a trainer, a loss and a sampler chosen by name, with
 * every setting {@code w2v train} has. Built by {@link #builder()}, which checks every name, key,
 * type and range before anything is read, so that a mistake fails at once with a message naming it:
 *
 * <pre>{@code
 * Word2Vec word2vec = Word2Vec.builder()
 *     .dimension(100)
 *     .window(5)
 *     .minCount(5)
 *     .epochs(5)
 *     .set("negsampling.k", 10)        // any key of `w2v train --help`, or a plugin parameter
 *     .listener(p -> System.err.printf("%.0f%%%n", 100 * p.fraction()))
 *     .build();
 * Model model = word2vec.train(Path.of("corpus/"));
 * }</pre>
 *
 * <p>The defaults are the fast trainer's, word2vec C's: skip-gram, dimension 100, window 5,
 * min-count 5, sub-sampling 1e-3, 5 epochs, negative sampling with 5 negatives drawn by count^0.75,
 * learning rate 0.025 decaying linearly, case kept, one thread per processor.
 *
 * <p>Immutable and thread-safe: one instance may train any number of corpora, each call from the
 * start (or from the model of {@link Builder#continueFrom}).
 */
public final class Word2Vec {

  private final TrainerProvider trainer;
  private final ConfiguredLoss loss;
  private final MapSettings settings;
  private final Map<String, Object> values;
  private final ProgressListener listener;
  private final Path checkpoints;
  private final boolean resume;
  private final Path continuePath;
  private final Model continueModel;

  private Word2Vec(Builder b, TrainerProvider trainer, ConfiguredLoss loss, Map<String, Object> v) {
    this.trainer = trainer;
    this.loss = loss;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(v));
    this.settings = new MapSettings(v);
    this.listener = b.listener;
    this.checkpoints = b.checkpoints;
    this.resume = b.resume;
    this.continuePath = b.continuePath;
    this.continueModel = b.continueModel;
  }

  /** A builder with the fast trainer's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Trains on {@code corpus} in this thread and returns the model.
   *
   * @throws W2vException on unreadable or invalid input, a corpus with no word frequent enough, a
   *     run that diverged, too little memory, or a checkpoint that does not match these settings
   */
  public Model train(Corpus corpus) {
    return run(corpus, new Cancellation());
  }

  /** Trains on a file, or on every file below a folder; see {@link #train(Corpus)}. */
  public Model train(Path corpus) {
    return train(Corpus.of(corpus));
  }

  /** Trains on sentences, one per element; see {@link Corpus#ofSentences(Iterable)}. */
  public Model train(Iterable<? extends CharSequence> sentences) {
    return train(Corpus.ofSentences(sentences));
  }

  /** Trains on a stream of sentences, read once; see {@link Corpus#ofSentences(Stream)}. */
  public Model train(Stream<? extends CharSequence> sentences) {
    return train(Corpus.ofSentences(sentences));
  }

  /**
   * Starts training on {@code corpus} in a new thread and returns at once; {@link Training#await}
   * gives the model, {@link Training#cancel} stops the run. The listener is called from that
   * thread.
   */
  public Training start(Corpus corpus) {
    Objects.requireNonNull(corpus, "corpus");
    Cancellation cancellation = new Cancellation();
    CompletableFuture<Model> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(run(corpus, cancellation));
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            },
            "w2v-training");
    thread.start();
    return new Training(cancellation, result);
  }

  /** The trainer's name, such as {@code fast}. */
  public String trainer() {
    return trainer.name();
  }

  /** The loss's name, such as {@code negsampling}. */
  public String loss() {
    return loss.lossName();
  }

  /**
   * Every setting this instance trains with, defaults included, by key (unmodifiable): what {@code
   * w2v train} would run with the same keys set.
   */
  public Map<String, Object> settings() {
    return values;
  }

  private Model run(Corpus corpus, Cancellation cancellation) {
    CorpusSource source =
        corpus.source(
            CorpusFormat.parse(PipelineSettings.CORPUS_FORMAT.stringValue(settings)),
            PipelineSettings.LOWERCASE.booleanValue(settings));
    TrainingRun.Builder run =
        TrainingRun.builder(source, loss)
            .listener(new Listener(listener))
            .cancellation(cancellation)
            .resume(resume);
    if (checkpoints != null) {
      run.checkpoints(new CheckpointStore(checkpoints, 3));
    }
    if (continueModel != null) {
      run.startFrom(continueModel.saved());
    } else if (continuePath != null) {
      run.startFrom(SavedModel.load(continuePath));
    }
    TrainedModel trained = trainer.create(settings).train(run.build());
    return Model.trained(trained, loss.lossName());
  }

  /** Core's listener, told in the library's terms. */
  private static final class Listener implements TrainingListener {
    private final ProgressListener listener;
    private String unit = "words";

    Listener(ProgressListener listener) {
      this.listener = listener;
    }

    @Override
    public void started(TrainingPlan plan) {
      unit = plan.unit();
    }

    @Override
    public void progress(Progress p) {
      listener.progress(
          new TrainingProgress(
              p.done(),
              p.total(),
              unit,
              p.epoch(),
              p.loss(),
              p.learningRate(),
              p.wordsPerSecond(),
              p.elapsed(),
              p.remaining()));
    }

    @Override
    public void finished(Progress last) {
      progress(last);
    }

    @Override
    public void warning(String message) {
      listener.warning(message);
    }
  }

  /**
   * Builds a {@link Word2Vec}. Every method returns this builder; {@link #build} checks the whole.
   * Not thread-safe.
   */
  public static final class Builder {

    /** What a program does instead of the keys only the command line reads. */
    private static final Map<String, String> COMMAND_LINE_KEYS =
        Map.of(
            "out", "save where you like: model.save(path) or model.vectors().save(path, format)",
            "vectors", "model.vectors() are the input vectors, model.outputVectors() the output",
            "vectors-format", "model.vectors().save(path, VectorFormat.BINARY) or TEXT",
            "save-vocab", "model.saveVocabulary(path)",
            "save-model", "model.save(path)",
            "plugin-path", "put the plugin jar on the class path, or give classLoader(...)",
            "plot-words", "the command line draws plots; a program has the vectors",
            "analogies", "the command line evaluates; `w2v evaluate` reads saved vectors",
            "similarity", "the command line evaluates; `w2v evaluate` reads saved vectors");

    private String trainer = "fast";
    private String loss = "negsampling";
    private String sampler = "unigram";
    private final Map<String, Object> set = new LinkedHashMap<>();
    private ProgressListener listener = ProgressListener.NONE;
    private final List<ClassLoader> loaders = new ArrayList<>();
    private Path checkpoints;
    private boolean resume;
    private Path continuePath;
    private Model continueModel;

    private Builder() {}

    /**
     * The trainer, by name: {@code fast} (word2vec C's algorithm, the default), {@code cs224n} (the
     * course's batched SGD, for learning), or any trainer on the class path.
     */
    public Builder trainer(String name) {
      this.trainer = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The loss plugin, by name: {@code negsampling} (the default), {@code softmax}, or a plugin.
     */
    public Builder loss(String name) {
      this.loss = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The sampler of negatives, by name: {@code unigram} (the default) or {@code uniform}. */
    public Builder sampler(String name) {
      this.sampler = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets any key {@code w2v train --help} lists for the chosen trainer ({@code min-count}, {@code
     * sample}, {@code batch-size}, ...), or a plugin parameter {@code <plugin>.<parameter>} such as
     * {@code negsampling.k}. Values are Integer, Long, Double, Boolean, String or List of String,
     * or a string in the key's syntax, as in a configuration file. Checked by {@link #build}.
     */
    public Builder set(String key, Object value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, () -> "the value of " + key);
      switch (key) {
        case "trainer" -> trainer(value.toString());
        case "loss" -> loss(value.toString());
        case "sampler" -> sampler(value.toString());
        case "continue" -> {
          String path = value.toString().trim();
          continuePath = path.isEmpty() ? null : Path.of(path);
          continueModel = null;
        }
        default -> set.put(key, value);
      }
      return this;
    }

    /** The vector dimension, {@code dim}. */
    public Builder dimension(int dimension) {
      return set("dim", dimension);
    }

    /** The largest context window, {@code window}. */
    public Builder window(int window) {
      return set("window", window);
    }

    /** The starting learning rate, {@code lr}. */
    public Builder learningRate(double rate) {
      return set("lr", rate);
    }

    /** The seed of every random draw, {@code seed}; with one thread it fixes the result. */
    public Builder seed(long seed) {
      return set("seed", seed);
    }

    /** Words seen fewer times are left out, {@code min-count} (fast trainer). */
    public Builder minCount(int count) {
      return set("min-count", count);
    }

    /** Passes over the corpus, {@code epochs} (fast trainer). */
    public Builder epochs(int epochs) {
      return set("epochs", epochs);
    }

    /** SGD iterations, {@code iterations} (cs224n trainer). */
    public Builder iterations(int iterations) {
      return set("iterations", iterations);
    }

    /** Training threads, {@code threads}; 0 for one per processor (fast trainer). */
    public Builder threads(int threads) {
      return set("threads", threads);
    }

    /** The sub-sampling threshold, {@code sample}; 0 keeps every word. */
    public Builder sample(double threshold) {
      return set("sample", threshold);
    }

    /** Skip-gram, the default: each word predicts its context (fast trainer). */
    public Builder skipGram() {
      return set("model", "skipgram");
    }

    /** CBOW: the mean of the context predicts the word (fast trainer). */
    public Builder cbow() {
      return set("model", "cbow");
    }

    /** Whether tokens are lower-cased while reading, {@code lowercase}. */
    public Builder lowercase(boolean lowercase) {
      return set("lowercase", lowercase);
    }

    /** Who hears the run's progress and warnings; by default nobody. */
    public Builder listener(ProgressListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Writes checkpoints into {@code folder} (the last three are kept), so that a run stopped by a
     * crash or {@link Training#cancel} can continue with {@link #resume}.
     */
    public Builder checkpoints(Path folder) {
      this.checkpoints = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /**
     * Continue from the newest intact checkpoint in the {@link #checkpoints} folder, which must
     * have been written under the same settings (a difference is an error naming it).
     */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /**
     * Continue training a saved model, as gensim's {@code build_vocab(update=True)} then {@code
     * train}: its words keep their rows and vectors, the corpus's new words (by min-count) are
     * added after them, its output weights and counts are used where it has them, and the learning
     * rate starts over across the new corpus. {@code path} is a {@code model.w2v}, the output
     * folder of a {@code w2v train} run, or a word2vec vector file (no output weights or counts).
     * The dimension is the model's unless set. Fast trainer only.
     */
    @Experimental
    public Builder continueFrom(Path path) {
      this.continuePath = Objects.requireNonNull(path, "path");
      this.continueModel = null;
      return this;
    }

    /** Continue training {@code model}, as {@link #continueFrom(Path)}. */
    @Experimental
    public Builder continueFrom(Model model) {
      this.continueModel = Objects.requireNonNull(model, "model");
      this.continuePath = null;
      return this;
    }

    /**
     * Where trainers, losses and samplers are looked up (with {@link java.util.ServiceLoader}),
     * besides the library's own class loader: a plugin jar's loader, for example. Repeatable.
     */
    public Builder classLoader(ClassLoader loader) {
      loaders.add(Objects.requireNonNull(loader, "loader"));
      return this;
    }

    /**
     * Checks everything and builds.
     *
     * @throws W2vException naming the first problem: an unknown trainer, loss or sampler (listing
     *     those available), an unknown key (suggesting the nearest), a value of the wrong type or
     *     out of range, or a model to continue from that cannot be read or continued
     */
    public Word2Vec build() {
      Set<ClassLoader> all = new LinkedHashSet<>();
      all.add(Word2Vec.class.getClassLoader());
      all.addAll(loaders);
      List<ClassLoader> search = List.copyOf(all);
      Trainers trainers = Trainers.load(search);
      TrainerProvider provider = trainers.get(trainer);
      ProviderRegistry<LossProvider> losses =
          ProviderRegistry.load(LossProvider.class, "loss", search);
      ProviderRegistry<SamplerProvider> samplers =
          ProviderRegistry.load(SamplerProvider.class, "sampler", search);
      LossProvider lossProvider = losses.get(loss);
      SamplerProvider samplerProvider = samplers.get(sampler);

      Map<String, Setting> known = new LinkedHashMap<>();
      Map<String, Object> overrides = provider.defaults();
      for (Setting s : PipelineSettings.ALL) {
        known.put(
            s.key(), overrides.containsKey(s.key()) ? s.withDefault(overrides.get(s.key())) : s);
      }
      provider.settings().forEach(s -> known.put(s.key(), s));
      known.remove(PipelineSettings.CORPUS.key());
      known.remove(PipelineSettings.CONTINUE.key());

      Map<String, Plugin> plugins = new LinkedHashMap<>();
      losses.entries().forEach(e -> plugins.putIfAbsent(e.provider().name(), e.provider()));
      samplers.entries().forEach(e -> plugins.putIfAbsent(e.provider().name(), e.provider()));
      for (String key : set.keySet()) {
        check(key, known, provider, trainers, plugins);
      }

      Map<String, Object> values = new LinkedHashMap<>();
      known.values().forEach(s -> values.put(s.key(), s.defaultValue()));
      values.putAll(PipelineSettings.pluginDefaults(provider, plugins));
      if (continuePath != null || continueModel != null) {
        String what = continuePath != null ? continuePath.toString() : continueModel.toString();
        PipelineSettings.requireContinues(provider, what);
        if (known.containsKey("dim") && !set.containsKey("dim")) {
          values.put(
              "dim",
              continueModel != null
                  ? continueModel.dimension()
                  : SavedModel.dimensionOf(continuePath));
        }
      }
      values.putAll(set);
      MapSettings settings = new MapSettings(values);
      for (String key : set.keySet()) {
        Setting s = known.get(key);
        if (s != null) {
          read(s, settings);
        }
      }
      // Creating the trainer checks what it reads; the trainer itself is made afresh per run.
      provider.create(settings);
      ConfiguredLoss configured =
          new ConfiguredLoss(
              lossProvider,
              settings.pluginParameters(lossProvider.name()),
              samplerProvider,
              settings.pluginParameters(samplerProvider.name()));
      return new Word2Vec(this, provider, configured, values);
    }

    /** Reads a setting the way trainers will, so that its type and range are checked now. */
    private static void read(Setting s, MapSettings settings) {
      switch (s.type()) {
        case INTEGER -> s.intValue(settings);
        case LONG -> s.longValue(settings);
        case REAL -> s.doubleValue(settings);
        case BOOLEAN -> s.booleanValue(settings);
        case STRING, CHOICE -> s.stringValue(settings);
        case LIST -> s.listValue(settings);
      }
    }

    private void check(
        String key,
        Map<String, Setting> known,
        TrainerProvider provider,
        Trainers trainers,
        Map<String, Plugin> plugins) {
      if (known.containsKey(key)) {
        return;
      }
      if (key.equals(PipelineSettings.CORPUS.key())) {
        throw new W2vException("setting 'corpus': give the corpus to train(...) instead");
      }
      if (COMMAND_LINE_KEYS.containsKey(key)) {
        throw new W2vException(
            "setting '" + key + "' is read by the w2v command only; " + COMMAND_LINE_KEYS.get(key));
      }
      int dot = key.indexOf('.');
      if (dot > 0) {
        String name = key.substring(0, dot);
        Plugin plugin = plugins.get(name);
        if (plugin == null) {
          throw new W2vException(
              "unknown setting '"
                  + key
                  + "': no loss or sampler is named '"
                  + name
                  + "' (there are "
                  + String.join(", ", plugins.keySet())
                  + ")");
        }
        List<String> accepted = plugin.parameters().stream().map(ParameterSpec::name).toList();
        if (!accepted.contains(key.substring(dot + 1))) {
          throw new W2vException(
              "unknown setting '"
                  + key
                  + "': "
                  + name
                  + (accepted.isEmpty()
                      ? " takes no parameters"
                      : " accepts " + String.join(", ", accepted)));
        }
        return;
      }
      for (TrainerProvider other : trainers.all()) {
        if (other != provider && other.settings().stream().anyMatch(s -> s.key().equals(key))) {
          throw new W2vException(
              "setting '"
                  + key
                  + "' belongs to trainer '"
                  + other.name()
                  + "', but the trainer is '"
                  + provider.name()
                  + "'");
        }
      }
      String nearest =
          known.keySet().stream()
              .min(Comparator.comparingInt(k -> SpellingSuggestions.distance(key, k)))
              .filter(k -> SpellingSuggestions.distance(key, k) <= Math.max(2, key.length() / 3))
              .map(k -> "; did you mean '" + k + "'?")
              .orElse("; the keys are " + String.join(", ", known.keySet()));
      throw new W2vException("unknown setting '" + key + "'" + nearest);
    }
  }
}
