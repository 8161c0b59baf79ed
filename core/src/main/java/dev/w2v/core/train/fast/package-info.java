/**
 * The fast trainer: word2vec C's algorithm (skip-gram or CBOW, sub-sampling, shrunk window, linear
 * learning-rate decay, Hogwild threads) on plain-text corpora of any size, through any {@link
 * dev.w2v.api.Loss}.
 *
 * <p>Programs train through the library ({@code dev.w2v.library.Word2Vec}, {@code
 * docs/LIBRARY.md}); this package is internal. Inside w2v a run goes through the Trainer seam:
 *
 * <pre>{@code
 * ProviderRegistry<LossProvider> losses = ProviderRegistry.load(LossProvider.class, "loss");
 * ProviderRegistry<SamplerProvider> samplers =
 *     ProviderRegistry.load(SamplerProvider.class, "sampler");
 * TrainedModel model =
 *     new FastTrainer(FastConfig.defaults().withDimension(100).withEpochs(5).withSeed(1))
 *         .train(
 *             TrainingRun.builder(
 *                     CorpusSource.of(Path.of("corpus/"), CorpusFormat.TEXT, false),
 *                     new ConfiguredLoss(
 *                         losses.get("negsampling"), Map.of("k", 5),
 *                         samplers.get("unigram"), Map.of()))
 *                 .listener(listener) // a TrainingListener, called a few times per second
 *                 .build());
 * }</pre>
 *
 * <p>The JVM should be started with {@code --add-modules jdk.incubator.vector} so that {@link
 * dev.w2v.api.VectorMath} uses its SIMD kernels; without it training runs on scalar kernels at
 * about half the speed. That flag makes the JVM print {@code WARNING: Using incubator modules:
 * jdk.incubator.vector} on stderr before {@code main}; no JVM option silences it (checked on JDK
 * 17: not even {@code -Xlog:disable}), so a launcher filters that one line out of stderr.
 *
 * <p>Differences from word2vec C, on purpose: CBOW applies the true gradient of the mean to each
 * context vector (dJ/dh divided by the number of context words, once per occurrence) where word2vec
 * C adds the undivided gradient; skip-gram uses the center word's vector as input (the API's
 * convention) where word2vec C uses the context word's; lines longer than 1,000 words are cut
 * before sub-sampling rather than after; no {@code </s>} token is added to the vocabulary.
 */
package dev.w2v.core.train.fast;
