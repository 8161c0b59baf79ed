package dev.w2v.example.hs;

import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.ParameterSpec;
import java.util.List;

/** Provides the {@code hs} loss: hierarchical softmax over word2vec C's Huffman tree. */
public final class HierarchicalSoftmaxProvider implements LossProvider {

  @Override
  public String name() {
    return "hs";
  }

  @Override
  public String description() {
    return "hierarchical softmax over a Huffman tree of the word counts (word2vec C's -hs 1)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of();
  }

  @Override
  public Loss create(LossContext context) {
    HuffmanTree tree = new HuffmanTree(context.counts().toArray());
    return new HierarchicalSoftmaxLoss(context.dimension(), tree, context.counts().size() - 1);
  }
}
