/**
 * Contract tests for w2v plugins, in the manner of JUnit 5's engine test kit: extend {@link
 * dev.w2v.testkit.LossContractTest} or {@link dev.w2v.testkit.SamplerContractTest}, name your
 * provider, and your test suite checks the plugin against everything the SPI promises.
 */
package dev.w2v.testkit;
