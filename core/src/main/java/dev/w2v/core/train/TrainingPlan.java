package dev.w2v.core.train;

/**
 * What a run will do, told once when training starts, so that displays and logs can be set up.
 *
 * @param start the position training starts from (above 0 when resumed)
 * @param total the position it ends at
 * @param unit what a position counts, for displays: {@code "it"} or {@code "words"}
 * @param positionColumn the metrics' position column, such as {@code iteration} or {@code words}
 * @param lossColumn the metrics' loss column, such as {@code smoothed_loss} or {@code loss}
 * @param plotAxis the loss plot's x axis, such as {@code iteration} or {@code epoch}
 * @param positionsPerPlotUnit positions per unit of the plot's axis (words per epoch, or 1)
 */
public record TrainingPlan(
    long start,
    long total,
    String unit,
    String positionColumn,
    String lossColumn,
    String plotAxis,
    double positionsPerPlotUnit) {}
