package dev.w2v.example.hs;

import dev.w2v.api.LossProvider;
import dev.w2v.testkit.LossContractTest;

/** The whole plugin contract, from w2v's test kit. */
class HierarchicalSoftmaxContractTest extends LossContractTest {

  @Override
  protected LossProvider provider() {
    return new HierarchicalSoftmaxProvider();
  }
}
