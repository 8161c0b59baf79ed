package dev.w2v.core.fast;

import java.time.Duration;

/**
 * A snapshot of a fast training run, taken a few times per second by the thread that called {@link
 * FastTrainer#train}.
 *
 * @param fractionDone words processed over epochs x training words, in [0, 1]
 * @param epoch the epoch the slowest thread is in, from 1
 * @param wordsPerSecond all threads together, since the start of training
 * @param wordsPerSecondPerThread each thread since the start of training
 * @param learningRate the current learning rate (linear decay, shared by all threads)
 * @param recentLoss the mean loss of the pairs evaluated since the previous snapshot (NaN if none)
 * @param elapsed time since training started
 * @param remaining time left at the current speed; {@code null} before any word is done
 */
public record FastProgress(
    double fractionDone,
    int epoch,
    double wordsPerSecond,
    double[] wordsPerSecondPerThread,
    double learningRate,
    double recentLoss,
    Duration elapsed,
    Duration remaining) {}
