/**
 * The contracts a w2v plugin implements: a {@link dev.w2v.api.Loss} (with its {@link
 * dev.w2v.api.LossProvider}) and a {@link dev.w2v.api.Sampler} (with its {@link
 * dev.w2v.api.SamplerProvider}).
 *
 * <p>Providers are found through {@link java.util.ServiceLoader}: a plugin jar lists its provider
 * classes in {@code META-INF/services/dev.w2v.api.LossProvider} or {@code
 * META-INF/services/dev.w2v.api.SamplerProvider}. This package has no runtime dependency beyond the
 * JDK, so a plugin that depends on it pulls in nothing else.
 *
 * <p>Conventions shared by every type here:
 *
 * <ul>
 *   <li>Parameters are float32, stored in flat {@code float[]} arrays: row {@code r} of a matrix
 *       with {@code d} columns occupies {@code [r*d, (r+1)*d)}.
 *   <li>Randomness comes only from the {@link java.util.random.RandomGenerator} the caller passes
 *       in, so a run is reproducible from its seed.
 *   <li>Losses and samplers are shared by all training threads; per-thread state lives in a {@link
 *       dev.w2v.api.Loss.Scratch} that each thread obtains once.
 * </ul>
 */
package dev.w2v.api;
