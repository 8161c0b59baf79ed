package dev.w2v.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link VectorMathBenchmark} with the scalar kernels ({@code -Dw2v.vectormath=scalar}). */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dw2v.vectormath=scalar"})
public class ScalarVectorMathBenchmark extends VectorMathBenchmark {}
