package dev.w2v.bench;

import dev.w2v.api.VectorMath;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link VectorMath#dot} and {@link VectorMath#axpy} on rows of 100 and 300 floats (in cache), with
 * the SIMD kernels: the forked JVM gets {@code --add-modules jdk.incubator.vector}. {@link
 * ScalarVectorMathBenchmark} runs the same with the scalar kernels.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class VectorMathBenchmark {

  @Param({"100", "300"})
  public int dim;

  private float[] x;
  private float[] y;
  private float a;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    x = new float[dim];
    y = new float[dim];
    for (int i = 0; i < dim; i++) {
      x[i] = (float) random.nextDouble(-1, 1);
      y[i] = (float) random.nextDouble(-1, 1);
    }
    a = 1e-7f; // keeps y bounded over billions of calls
  }

  /** Which kernels the forked JVM uses, for the record. */
  public static String implementation() {
    return VectorMath.implementation();
  }

  @Benchmark
  public float dot() {
    return VectorMath.dot(x, 0, y, 0, dim);
  }

  @Benchmark
  public float[] axpy() {
    VectorMath.axpy(a, x, 0, y, 0, dim);
    return y;
  }
}
