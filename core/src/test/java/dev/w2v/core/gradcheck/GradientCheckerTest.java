package dev.w2v.core.gradcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.Loss;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.testing.PlantedBugs;
import dev.w2v.core.testing.TestSoftmaxLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradientCheckerTest {

  private static float[] random(int n, long seed, float scale) {
    Xoshiro256PlusPlus r = new Xoshiro256PlusPlus(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (r.nextFloat() - 0.5f) * 2 * scale;
    }
    return x;
  }

  @ParameterizedTest
  @CsvSource({"2, 1", "5, 3", "17, 10", "40, 7"})
  void acceptsACorrectLoss(int words, int dim) {
    Loss loss = new TestSoftmaxLoss(words, dim);
    float[] input = random(dim, 1, 1f);
    float[] outputs = random(words * dim, 2, 1f);
    GradientChecker.Result result =
        new GradientChecker().check(loss, input, 0, new int[] {0, words - 1, 0}, outputs, 9);
    assertTrue(result.passed(), result.message());
    assertTrue(result.coordinatesChecked() == dim + words * dim);
  }

  @Test
  void rejectsAFlippedSignAndNamesTheCoordinateWithBothValues() {
    Loss loss = PlantedBugs.flippedInputSign(new TestSoftmaxLoss(5, 3));
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
    Loss loss = new TestSoftmaxLoss(6, 4);
    float[] input = random(4, 1, 1f);
    float[] outputs = random(24, 2, 1f);
    float[] inputBefore = input.clone();
    float[] outputsBefore = outputs.clone();
    new GradientChecker().check(loss, input, 0, new int[] {3}, outputs, 9);
    assertArrayEquals(inputBefore, input);
    assertArrayEquals(outputsBefore, outputs);
  }
}
