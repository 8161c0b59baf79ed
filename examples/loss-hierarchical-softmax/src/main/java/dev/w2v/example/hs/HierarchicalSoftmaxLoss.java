package dev.w2v.example.hs;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.Sigmoid;
import dev.w2v.api.VectorMath;
import java.util.random.RandomGenerator;

/**
 * Hierarchical softmax: the probability of the target is the product, along its Huffman path, of
 * s(u_n . v) for a 0 bit and s(-u_n . v) for a 1 bit (word2vec C's convention: label = 1 - code). J
 * = -sum log of those; dJ/d(u_n . v) = s(u_n . v) - (1 - code).
 */
final class HierarchicalSoftmaxLoss implements Loss {

  private final int dimension;
  private final HuffmanTree tree;
  private final int rows;

  HierarchicalSoftmaxLoss(int dimension, HuffmanTree tree, int rows) {
    this.dimension = dimension;
    this.tree = tree;
    this.rows = rows;
  }

  private static final class Work implements Scratch {
    final float[] gradient;

    Work(int dimension) {
      gradient = new float[dimension];
    }
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int outputRows() {
    return rows;
  }

  @Override
  public Scratch newScratch() {
    return new Work(dimension);
  }

  @Override
  public double lossAndGradient(
      Scratch scratch,
      float[] input,
      int inputOffset,
      int target,
      float[] outputs,
      RandomGenerator random,
      GradientSink sink) {
    float[] gradient = ((Work) scratch).gradient;
    VectorMath.zero(gradient, 0, dimension);
    double loss = 0;
    int from = tree.start(target);
    int to = from + tree.length(target);
    for (int i = from; i < to; i++) {
      int row = tree.point(i) * dimension;
      float score = VectorMath.dot(outputs, row, input, inputOffset, dimension);
      int code = tree.code(i);
      loss -= Sigmoid.logSigmoid(code == 0 ? score : -score);
      float coefficient = (float) (Sigmoid.sigmoid(score) - (1 - code));
      // Read the node into the input gradient before reporting it: the sink may apply at once.
      VectorMath.axpy(coefficient, outputs, row, gradient, 0, dimension);
      sink.outputGradient(tree.point(i), coefficient, input, inputOffset);
    }
    sink.inputGradient(gradient, 0);
    return loss;
  }
}
