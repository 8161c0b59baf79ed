package dev.w2v.core.projection;

import com.google.common.base.Preconditions;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import java.util.stream.IntStream;

/**
 * Exact t-SNE (van der Maaten and Hinton, 2008) into two dimensions, for maps of up to {@link
 * #MAX_POINTS} points, such as a word and its neighbourhood.
 *
 * <p>Exact rather than Barnes-Hut because at this size the n^2 gradient takes milliseconds and has
 * no approximation to explain. The schedule is scikit-learn's: early exaggeration 12 for the first
 * 250 iterations with momentum 0.5, then momentum 0.8; per-coordinate gains (delta-bar-delta, at
 * least 0.01); but the learning rate is {@code max(n / 12, 1)}, after Belkina et al. (2019). The
 * start is Gaussian with standard deviation 1e-4 from a generator seeded by {@link
 * Settings#seed()}, so the same rows in the same order give the same map. The work of an iteration
 * is spread over the cores by rows, and each row's sums are formed in a fixed order, so the result
 * does not depend on the number of threads.
 */
public final class Tsne {

  /** Most points accepted: the affinities are an n x n matrix of doubles (32 MB at 2000). */
  public static final int MAX_POINTS = 2000;

  private static final double EXAGGERATION = 12;
  private static final int EXAGGERATED_ITERATIONS = 250;
  private static final double MIN_GAIN = 0.01;

  /**
   * How a map is computed.
   *
   * @param perplexity the effective number of neighbours each point's affinities spread over (5..50
   *     are usual); lowered to (n - 1) / 3 for small n, see {@link #effectivePerplexity}
   * @param iterations gradient steps, at least 1 (the first 250 with early exaggeration)
   * @param seed seed of the starting positions
   */
  public record Settings(double perplexity, int iterations, long seed) {

    public Settings {
      Preconditions.checkArgument(
          perplexity >= 1 && Double.isFinite(perplexity),
          "perplexity must be at least 1, got %s",
          perplexity);
      Preconditions.checkArgument(
          iterations >= 1, "iterations must be positive, got %s", iterations);
    }

    /** Perplexity 30, 1000 iterations, seed 42: scikit-learn's defaults with a fixed seed. */
    public static Settings defaults() {
      return new Settings(30, 1000, 42);
    }
  }

  private Tsne() {}

  /**
   * The perplexity used for {@code n} points: the requested one, but at most (n - 1) / 3 (and at
   * least 1), since a point cannot spread its affinities over more neighbours than there are.
   */
  public static double effectivePerplexity(int n, Settings settings) {
    return Math.max(1, Math.min(settings.perplexity(), (n - 1) / 3.0));
  }

  /**
   * Maps {@code n} row-major rows of dimension {@code d} to the plane, keeping points that are near
   * in Euclidean distance near. Returns n pairs {x, y}, centred on the origin, in t-SNE's arbitrary
   * units. Fewer than three points are placed on a line without optimisation.
   */
  public static double[][] project(float[] rows, int n, int d, Settings settings) {
    Preconditions.checkArgument(
        rows.length == (long) n * d, "rows has %s floats, n x d = %s", rows.length, (long) n * d);
    Preconditions.checkArgument(
        n <= MAX_POINTS, "t-SNE takes at most %s points, got %s", MAX_POINTS, n);
    double[][] out = new double[n][2];
    if (n <= 2) {
      if (n == 2) {
        out[0][0] = -1;
        out[1][0] = 1;
      }
      return out;
    }
    float[] p = affinities(squaredDistances(rows, n, d), n, effectivePerplexity(n, settings));
    double[] y = optimise(p, n, settings);
    for (int i = 0; i < n; i++) {
      out[i][0] = y[2 * i];
      out[i][1] = y[2 * i + 1];
    }
    return out;
  }

  private static double[] squaredDistances(float[] rows, int n, int d) {
    double[] distances = new double[n * n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              for (int j = i + 1; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                  double diff = rows[i * d + k] - rows[j * d + k];
                  sum += diff * diff;
                }
                distances[i * n + j] = sum;
              }
            });
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        distances[i * n + j] = distances[j * n + i];
      }
    }
    return distances;
  }

  /**
   * The symmetric joint affinities P (row-major n x n, summing to 1): for each point a Gaussian
   * over the others whose width is found by bisection so that its entropy is log(perplexity), then
   * P = (P_cond + P_cond^T) / 2n.
   */
  private static float[] affinities(double[] distances, int n, double perplexity) {
    double target = Math.log(perplexity);
    double[] conditional = new double[n * n];
    IntStream.range(0, n)
        .parallel()
        .forEach(i -> conditionalRow(distances, n, i, target, conditional));
    // float halves the memory that every iteration streams; P's smallest entries are 1e-12
    float[] p = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          p[i * n + j] =
              (float)
                  Math.max((conditional[i * n + j] + conditional[j * n + i]) / (2.0 * n), 1e-12);
        }
      }
    }
    return p;
  }

  private static void conditionalRow(
      double[] distances, int n, int i, double target, double[] conditional) {
    // Distances are shifted by the row's smallest so that exp() cannot underflow to all zeros;
    // the shift cancels in the normalised row and in the entropy below.
    double nearest = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      if (j != i) {
        nearest = Math.min(nearest, distances[i * n + j]);
      }
    }
    double beta = 1;
    double low = 0;
    double high = Double.POSITIVE_INFINITY;
    double sum = 0;
    for (int step = 0; step < 100; step++) {
      sum = 0;
      double weighted = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double shifted = distances[i * n + j] - nearest;
          double e = Math.exp(-beta * shifted);
          conditional[i * n + j] = e;
          sum += e;
          weighted += shifted * e;
        }
      }
      double entropy = Math.log(sum) + beta * weighted / sum;
      double excess = entropy - target;
      if (Math.abs(excess) < 1e-5) {
        break;
      }
      if (excess > 0) {
        // too flat: narrow the Gaussian
        low = beta;
        beta = Double.isInfinite(high) ? beta * 2 : (beta + high) / 2;
      } else {
        high = beta;
        beta = (beta + low) / 2;
      }
    }
    for (int j = 0; j < n; j++) {
      conditional[i * n + j] /= sum;
    }
  }

  private static double[] optimise(float[] affinity, int n, Settings settings) {
    Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(settings.seed());
    // Coordinates in two arrays rather than interleaved, so the inner loop reads them in stride.
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = 1e-4 * random.nextGaussian();
      ys[i] = 1e-4 * random.nextGaussian();
    }
    double[] update = new double[2 * n];
    double[] gains = new double[2 * n];
    java.util.Arrays.fill(gains, 1);
    double[] sums = new double[5 * n];
    // Rows are shared out in a fixed number of chunks, each with its own scratch rows.
    int chunks = Math.min(n, 16);
    double[][] scratch = new double[chunks][3 * n];
    // Belkina et al. (2019): n / exaggeration keeps the exaggerated phase stable for any n, where
    // a fixed floor such as scikit-learn's 50 makes maps of a few dozen points oscillate.
    double learningRate = Math.max(1, n / EXAGGERATION);
    for (int iteration = 0; iteration < settings.iterations(); iteration++) {
      boolean early = iteration < EXAGGERATED_ITERATIONS;
      double exaggeration = early ? EXAGGERATION : 1;
      double momentum = early ? 0.5 : 0.8;
      // One pass per row gives its attractive and repulsive sums and its share of Z, so the
      // gradient needs no n x n matrix of Student-t weights.
      IntStream.range(0, chunks)
          .parallel()
          .forEach(
              c -> {
                for (int i = n * c / chunks; i < n * (c + 1) / chunks; i++) {
                  rowSums(affinity, xs, ys, n, i, sums, scratch[c]);
                }
              });
      double z = 0;
      for (int i = 0; i < n; i++) {
        z += sums[5 * i + 4];
      }
      double meanX = 0;
      double meanY = 0;
      for (int i = 0; i < n; i++) {
        xs[i] +=
            step(
                2 * i,
                4 * (exaggeration * sums[5 * i] - sums[5 * i + 2] / z),
                momentum,
                learningRate,
                update,
                gains);
        ys[i] +=
            step(
                2 * i + 1,
                4 * (exaggeration * sums[5 * i + 1] - sums[5 * i + 3] / z),
                momentum,
                learningRate,
                update,
                gains);
        meanX += xs[i];
        meanY += ys[i];
      }
      meanX /= n;
      meanY /= n;
      for (int i = 0; i < n; i++) {
        xs[i] -= meanX;
        ys[i] -= meanY;
      }
    }
    double[] y = new double[2 * n];
    for (int i = 0; i < n; i++) {
      y[2 * i] = xs[i];
      y[2 * i + 1] = ys[i];
    }
    return y;
  }

  /** Momentum step with per-coordinate gains: larger while the gradient keeps its sign. */
  private static double step(
      int c,
      double gradient,
      double momentum,
      double learningRate,
      double[] update,
      double[] gains) {
    boolean sameDirection = (gradient > 0) == (update[c] > 0);
    gains[c] = Math.max(MIN_GAIN, sameDirection ? gains[c] * 0.8 : gains[c] + 0.2);
    update[c] = momentum * update[c] - learningRate * gains[c] * gradient;
    return update[c];
  }

  /**
   * Row i's sums over every j: sum p_ij w_ij (y_i - y_j), sum w_ij^2 (y_i - y_j) and sum w_ij with
   * w_ij = 1 / (1 + |y_i - y_j|^2), into {@code sums[5i .. 5i+4]}. The loops include j = i, which
   * adds exactly 1 to the last sum and nothing to the others (p_ii = 0, y_i - y_i = 0), so they run
   * without a branch. The differences and weights are formed first, in a loop the JIT compiles to
   * SIMD; only the sums then run in order (about twice as fast as one fused loop).
   */
  private static void rowSums(
      float[] p, double[] xs, double[] ys, int n, int i, double[] sums, double[] scratch) {
    double xi = xs[i];
    double yi = ys[i];
    for (int j = 0; j < n; j++) {
      double dx = xi - xs[j];
      double dy = yi - ys[j];
      scratch[j] = dx;
      scratch[n + j] = dy;
      scratch[2 * n + j] = 1 / (1 + dx * dx + dy * dy);
    }
    double ax = 0;
    double ay = 0;
    double rx = 0;
    double ry = 0;
    double z = 0;
    int base = i * n;
    for (int j = 0; j < n; j++) {
      double dx = scratch[j];
      double dy = scratch[n + j];
      double w = scratch[2 * n + j];
      z += w;
      double pw = p[base + j] * w;
      ax += pw * dx;
      ay += pw * dy;
      double ww = w * w;
      rx += ww * dx;
      ry += ww * dy;
    }
    sums[5 * i] = ax;
    sums[5 * i + 1] = ay;
    sums[5 * i + 2] = rx;
    sums[5 * i + 3] = ry;
    sums[5 * i + 4] = z - 1;
  }
}
