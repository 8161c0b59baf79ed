package dev.w2v.loss.negsampling;

import dev.w2v.api.SamplerProvider;
import dev.w2v.testkit.SamplerContractTest;

/** The uniform sampler against the sampler contract. */
class UniformSamplerContractTest extends SamplerContractTest {

  @Override
  protected SamplerProvider provider() {
    return new UniformSamplerProvider();
  }
}
