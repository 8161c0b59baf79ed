package dev.w2v.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.Loss;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradientCheckerTest {

  /** The kit's exact negative sampling with 4 negatives, over counts 1..words. */
  private static Loss reference(int words, int dim) {
    long[] counts = new long[words];
    for (int i = 0; i < words; i++) {
      counts[i] = i + 1;
    }
    return new ExactNegativeSampling(words, dim, 4, new KitSampler(counts));
  }

  private static float[] random(int n, long seed, float scale) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (r.nextFloat() - 0.5f) * 2 * scale;
    }
    return x;
  }

  @ParameterizedTest
  @CsvSource({"2, 1", "5, 3", "17, 10", "40, 7"})
  void acceptsACorrectLoss(int words, int dim) {
    Loss loss = reference(words, dim);
    float[] input = random(dim, 1, 1f);
    float[] outputs = random(words * dim, 2, 1f);
    GradientChecker.Result result =
        new GradientChecker().check(loss, input, 0, new int[] {0, words - 1, 0}, outputs, 9);
    assertTrue(result.passed(), result.message());
    assertTrue(result.coordinatesChecked() == dim + words * dim);
  }

  @Test
  void rejectsAFlippedSignAndNamesTheCoordinateWithBothValues() {
    Loss loss = PlantedBugs.flippedInputSign(reference(5, 3));
    GradientChecker.Result result =
        new GradientChecker().check(loss, random(3, 1, 1f), 0, new int[] {2}, random(15, 2, 1f), 9);
    assertFalse(result.passed());
    assertTrue(result.parameter().startsWith("input["), result.message());
    // The reported analytic value is the flipped one: opposite in sign to the numerical value.
    assertTrue(result.analytic() * result.numeric() < 0, result.message());
    assertTrue(result.message().contains("analytic") && result.message().contains("numerical"));
  }

  @Test
  void leavesTheParametersExactlyAsTheyWere() {
    Loss loss = reference(6, 4);
    float[] input = random(4, 1, 1f);
    float[] outputs = random(24, 2, 1f);
    float[] inputBefore = input.clone();
    float[] outputsBefore = outputs.clone();
    new GradientChecker().check(loss, input, 0, new int[] {3}, outputs, 9);
    assertArrayEquals(inputBefore, input);
    assertArrayEquals(outputsBefore, outputs);
  }
}
