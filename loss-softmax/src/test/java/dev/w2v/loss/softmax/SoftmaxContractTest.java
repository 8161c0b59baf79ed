package dev.w2v.loss.softmax;

import dev.w2v.api.LossProvider;
import dev.w2v.testkit.LossContractTest;

/** The softmax loss against the plugin contract: gradients, stability, threads, allocation. */
class SoftmaxContractTest extends LossContractTest {

  @Override
  protected LossProvider provider() {
    return new SoftmaxLossProvider();
  }
}
