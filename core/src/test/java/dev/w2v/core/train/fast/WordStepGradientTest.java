package dev.w2v.core.train.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.core.random.Xoshiro256PlusPlus;
import dev.w2v.core.testing.RealLosses;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Checks that the updates {@link WordStep} applies to the input vectors are -lr times the true
 * gradient of the objective, by centered differences (a minimal checker of our own: the public
 * gradient checker is written elsewhere).
 */
class WordStepGradientTest {

  private static final int V = 6;
  private static final int D = 4;
  private static final GradientSink NO_SINK =
      new GradientSink() {
        @Override
        public void inputGradient(float[] gradient, int offset) {}

        @Override
        public void outputGradient(int row, float coefficient, float[] vector, int offset) {}
      };

  private static float[] random(long seed, int n, double scale) {
    Xoshiro256PlusPlus r = new Xoshiro256PlusPlus(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) ((r.nextDouble() - 0.5) * scale);
    }
    return a;
  }

  /** The CBOW objective: the loss of the center word given the mean of the context vectors. */
  private static double cbowObjective(
      Loss loss, float[] inputs, float[] outputs, int[] context, int center) {
    float[] hidden = new float[D];
    for (int j = 0; j < D; j++) {
      double sum = 0;
      for (int c : context) {
        sum += inputs[c * D + j];
      }
      hidden[j] = (float) (sum / context.length);
    }
    return loss.lossAndGradient(
        loss.newScratch(), hidden, 0, center, outputs.clone(), new Xoshiro256PlusPlus(0), NO_SINK);
  }

  @Test
  void cbowMovesEveryContextVectorAlongItsGradientUndividedAsWord2vecCDoes() {
    Loss loss = RealLosses.softmax(V, D);
    float[] inputs = random(1, V * D, 2.0);
    float[] outputs = random(2, V * D, 2.0);
    int[] sentence = {0, 1, 2, 1, 3, 5};
    int position = 2;
    int[] context = {0, 1, 1, 3}; // reach 2 around position 2; word 1 appears twice
    int center = sentence[position];

    float[] before = inputs.clone();
    float[] outputsBefore = outputs.clone();
    WordStep step = new WordStep(Model.CBOW, loss, inputs, outputs, new Xoshiro256PlusPlus(3));
    step.train(sentence, sentence.length, position, 2, 1f);

    double h = 1e-3;
    for (int w = 0; w < V; w++) {
      for (int j = 0; j < D; j++) {
        float[] plus = before.clone();
        float[] minus = before.clone();
        plus[w * D + j] += (float) h;
        minus[w * D + j] -= (float) h;
        double numeric =
            (cbowObjective(loss, plus, outputsBefore, context, center)
                    - cbowObjective(loss, minus, outputsBefore, context, center))
                / (2 * h);
        // lr = 1; the mean's gradient times the window's count (word2vec C's step, WordStep's
        // cbowContextStep), each occurrence of a repeated word counted.
        double applied = -(inputs[w * D + j] - before[w * D + j]) / context.length;
        assertEquals(
            numeric, applied, 2e-3 * Math.max(1, Math.abs(numeric)), "word " + w + " j " + j);
      }
    }
    // Word 5 lies outside the window and the center is not its own context: untouched.
    assertEquals(
        Arrays.toString(Arrays.copyOfRange(before, 5 * D, 6 * D)),
        Arrays.toString(Arrays.copyOfRange(inputs, 5 * D, 6 * D)));
    assertEquals(
        Arrays.toString(Arrays.copyOfRange(before, 2 * D, 3 * D)),
        Arrays.toString(Arrays.copyOfRange(inputs, 2 * D, 3 * D)));
  }

  @Test
  void skipGramMovesTheCenterVectorAlongItsTrueGradientAndTheOutputRowsToo() {
    Loss loss = RealLosses.softmax(V, D);
    float[] inputs = random(4, V * D, 2.0);
    float[] outputs = random(5, V * D, 2.0);
    int[] sentence = {4, 2};
    float[] before = inputs.clone();
    float[] outputsBefore = outputs.clone();
    WordStep step = new WordStep(Model.SKIPGRAM, loss, inputs, outputs, new Xoshiro256PlusPlus(6));
    float lr = 0.5f;
    step.train(sentence, 2, 0, 1, lr); // one pair: input word 4, target word 2

    double h = 1e-3;
    for (int j = 0; j < D; j++) {
      float[] plus = Arrays.copyOfRange(before, 4 * D, 5 * D);
      float[] minus = plus.clone();
      plus[j] += (float) h;
      minus[j] -= (float) h;
      double numeric =
          (loss.lossAndGradient(loss.newScratch(), plus, 0, 2, outputsBefore, null, NO_SINK)
                  - loss.lossAndGradient(
                      loss.newScratch(), minus, 0, 2, outputsBefore, null, NO_SINK))
              / (2 * h);
      assertEquals(numeric, -(inputs[4 * D + j] - before[4 * D + j]) / lr, 2e-3, "j " + j);
    }
    for (int r = 0; r < V; r++) {
      for (int j = 0; j < D; j++) {
        float[] plus = outputsBefore.clone();
        float[] minus = outputsBefore.clone();
        plus[r * D + j] += (float) h;
        minus[r * D + j] -= (float) h;
        float[] input = Arrays.copyOfRange(before, 4 * D, 5 * D);
        double numeric =
            (loss.lossAndGradient(loss.newScratch(), input, 0, 2, plus, null, NO_SINK)
                    - loss.lossAndGradient(loss.newScratch(), input, 0, 2, minus, null, NO_SINK))
                / (2 * h);
        double applied = -(outputs[r * D + j] - outputsBefore[r * D + j]) / lr;
        assertEquals(numeric, applied, 2e-3, "row " + r + " j " + j);
      }
    }
    assertEquals(1, step.pairs());
  }
}
