package dev.w2v.testkit;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.ParameterBlock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Checks a loss's reported gradients against centered finite differences, as CS224n's {@code
 * gradcheck_naive} does: every coordinate of the input vector and of every output row.
 *
 * <p>The objective checked is the sum of the loss over a list of targets for one input vector (the
 * skip-gram sum over a window's outside words). Every evaluation starts a fresh generator from the
 * same seed, so a loss that draws negatives sees the same draws each time and the objective is a
 * deterministic function of the parameters.
 *
 * <p><b>Step and tolerance for float32.</b> Parameters are floats, and the losses compute their dot
 * products in float, so the objective carries rounding noise of about {@code eps * |J| * d} with
 * {@code eps = 6e-8}: near 1e-6 for the sizes checked here. A centered difference divides that
 * noise by {@code 2h} and adds a truncation error of about {@code h^2 |J'''| / 6}. CS224n's {@code
 * h = 1e-4} (meant for float64) would leave noise near 1e-2; {@code h = 1e-2} balances the two
 * terms near 1e-4. The step actually applied is measured as {@code float(x+h) - float(x-h)}, not
 * assumed to be {@code 2h}. A coordinate fails when {@code |analytic - numeric| / max(1,
 * |analytic|, |numeric|)} exceeds {@code 1e-3}: ten times the expected error, and far below what
 * real mistakes give (a flipped sign doubles a gradient; a repeated negative counted once misses a
 * whole term, of order 0.1 on random unit-scale data).
 */
public final class GradientChecker {

  /** The default finite-difference step; see the class comment. */
  public static final double DEFAULT_STEP = 1e-2;

  /** The default tolerance on the relative difference; see the class comment. */
  public static final double DEFAULT_TOLERANCE = 1e-3;

  private final double step;
  private final double tolerance;

  /** A checker with the default step and tolerance. */
  public GradientChecker() {
    this(DEFAULT_STEP, DEFAULT_TOLERANCE);
  }

  /** A checker with the given finite-difference step and relative tolerance. */
  public GradientChecker(double step, double tolerance) {
    if (!(step > 0) || !(tolerance > 0)) {
      throw new IllegalArgumentException("step and tolerance must be positive");
    }
    this.step = step;
    this.tolerance = tolerance;
  }

  /**
   * The outcome of a check: passed, or the first coordinate that failed with both values.
   *
   * @param coordinatesChecked how many coordinates were compared
   * @param parameter the first failing coordinate, such as {@code input[2]} or {@code output row 4
   *     [1]}; null when the check passed
   * @param analytic the loss's reported derivative there
   * @param numeric the finite-difference estimate there
   * @param worstRelativeError the largest relative difference over every coordinate compared
   */
  public record Result(
      int coordinatesChecked,
      String parameter,
      double analytic,
      double numeric,
      double worstRelativeError) {

    /** Whether every coordinate agreed. */
    public boolean passed() {
      return parameter == null;
    }

    /** One line: the coordinate that failed with both values, or how many coordinates passed. */
    public String message() {
      if (passed()) {
        return String.format(
            Locale.ROOT,
            "gradient check passed: %d coordinates, worst relative difference %.2e",
            coordinatesChecked,
            worstRelativeError);
      }
      return String.format(
          Locale.ROOT,
          "gradient check failed at %s: analytic %.8g, numerical %.8g (relative difference %.2e)",
          parameter,
          analytic,
          numeric,
          worstRelativeError);
    }

    @Override
    public String toString() {
      return message();
    }
  }

  /**
   * Checks {@code loss} at the given parameters. The arrays are perturbed during the check and
   * restored exactly before it returns.
   *
   * @param loss the loss under test
   * @param input the input vector, {@code loss.dimension()} floats from {@code inputOffset}
   * @param targets the target words whose losses are summed; repeats are allowed
   * @param outputs the output matrix, {@code loss.outputRows() x loss.dimension()}
   * @param seed the seed of the generator handed to the loss for each evaluation
   */
  public Result check(
      Loss loss, float[] input, int inputOffset, int[] targets, float[] outputs, long seed) {
    return check(
        loss,
        input,
        inputOffset,
        targets,
        outputs,
        extrasOf(loss, new SplittableRandom(seed)),
        seed);
  }

  /**
   * The loss's own parameters at small random values (their initial values are often all zero,
   * where a wrong gradient may still vanish).
   */
  private static float[][] extrasOf(Loss loss, SplittableRandom random) {
    List<ParameterBlock> blocks = loss.extraParameters();
    float[][] extras = new float[blocks.size()][];
    for (int b = 0; b < extras.length; b++) {
      extras[b] = new float[blocks.get(b).size()];
      for (int i = 0; i < extras[b].length; i++) {
        extras[b][i] = blocks.get(b).initialValue() + (random.nextFloat() - 0.5f) * 0.5f;
      }
    }
    return extras;
  }

  /**
   * Checks {@code loss} at the given parameters, its own {@link Loss#extraParameters()} at {@code
   * extras}, every coordinate of which is checked too.
   */
  public Result check(
      Loss loss,
      float[] input,
      int inputOffset,
      int[] targets,
      float[] outputs,
      float[][] extras,
      long seed) {
    Objects.requireNonNull(loss, "loss");
    int d = loss.dimension();
    int rows = loss.outputRows();
    if (outputs.length != rows * d) {
      throw new IllegalArgumentException(
          "outputs must hold " + rows + " x " + d + " floats, has " + outputs.length);
    }
    Loss.Scratch scratch = loss.newScratch();
    int[] sizes = new int[extras.length];
    for (int b = 0; b < extras.length; b++) {
      sizes[b] = extras[b].length;
    }
    DenseGradient analytic = new DenseGradient(d, rows, sizes);
    evaluate(loss, scratch, input, inputOffset, targets, outputs, extras, seed, analytic);
    if (analytic.inputReports() != targets.length) {
      return new Result(
          0,
          "the input gradient (reported "
              + analytic.inputReports()
              + " times for "
              + targets.length
              + " evaluations; the contract says once each)",
          0,
          0,
          Double.NaN);
    }
    GradientSink discard = new Discard();
    double worst = 0;
    int checked = 0;
    for (int j = 0; j < d; j++) {
      double numeric =
          difference(
              loss,
              scratch,
              input,
              inputOffset + j,
              input,
              inputOffset,
              targets,
              outputs,
              extras,
              seed,
              discard);
      double rel = relative(analytic.input(j), numeric);
      worst = Math.max(worst, rel);
      checked++;
      if (!(rel <= tolerance)) {
        return new Result(checked, "input[" + j + "]", analytic.input(j), numeric, rel);
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < d; j++) {
        double numeric =
            difference(
                loss,
                scratch,
                outputs,
                r * d + j,
                input,
                inputOffset,
                targets,
                outputs,
                extras,
                seed,
                discard);
        double rel = relative(analytic.output(r, j), numeric);
        worst = Math.max(worst, rel);
        checked++;
        if (!(rel <= tolerance)) {
          return new Result(
              checked, "output row " + r + " [" + j + "]", analytic.output(r, j), numeric, rel);
        }
      }
    }
    for (int b = 0; b < extras.length; b++) {
      String name = loss.extraParameters().get(b).name();
      for (int i = 0; i < extras[b].length; i++) {
        double numeric =
            difference(
                loss,
                scratch,
                extras[b],
                i,
                input,
                inputOffset,
                targets,
                outputs,
                extras,
                seed,
                discard);
        double rel = relative(analytic.extra(b, i), numeric);
        worst = Math.max(worst, rel);
        checked++;
        if (!(rel <= tolerance)) {
          return new Result(checked, name + "[" + i + "]", analytic.extra(b, i), numeric, rel);
        }
      }
    }
    return new Result(checked, null, 0, 0, worst);
  }

  private double difference(
      Loss loss,
      Loss.Scratch scratch,
      float[] perturbed,
      int index,
      float[] input,
      int inputOffset,
      int[] targets,
      float[] outputs,
      float[][] extras,
      long seed,
      GradientSink discard) {
    float original = perturbed[index];
    float plus = (float) (original + step);
    float minus = (float) (original - step);
    perturbed[index] = plus;
    double up =
        evaluate(loss, scratch, input, inputOffset, targets, outputs, extras, seed, discard);
    perturbed[index] = minus;
    double down =
        evaluate(loss, scratch, input, inputOffset, targets, outputs, extras, seed, discard);
    perturbed[index] = original;
    return (up - down) / ((double) plus - (double) minus);
  }

  private static double evaluate(
      Loss loss,
      Loss.Scratch scratch,
      float[] input,
      int inputOffset,
      int[] targets,
      float[] outputs,
      float[][] extras,
      long seed,
      GradientSink sink) {
    SplittableRandom random = new SplittableRandom(seed);
    double total = 0;
    for (int target : targets) {
      total +=
          loss.lossAndGradient(scratch, input, inputOffset, target, outputs, extras, random, sink);
    }
    return total;
  }

  private static double relative(double a, double b) {
    return Math.abs(a - b) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
  }

  private static final class Discard implements GradientSink {
    @Override
    public void inputGradient(float[] gradient, int offset) {}

    @Override
    public void outputGradient(int row, float coefficient, float[] vector, int offset) {}

    @Override
    public void extraGradient(int block, int index, float gradient) {}
  }
}
