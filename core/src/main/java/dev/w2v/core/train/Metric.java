package dev.w2v.core.train;

/**
 * One row of a run's metrics ({@code metrics.csv}): recorded at positions that depend only on the
 * run's settings, so that a resumed run records exactly the rows of an uninterrupted one.
 *
 * @param position iterations or words done, as the plan's {@link TrainingPlan#positionColumn()}
 * @param loss the plan's {@link TrainingPlan#lossColumn()} at that position
 * @param learningRate the learning rate at that position
 */
public record Metric(long position, double loss, double learningRate) {}
