package dev.w2v.loss.negsampling;

import dev.w2v.api.SamplerProvider;
import dev.w2v.testkit.SamplerContractTest;

/** The unigram sampler (alias table) against the sampler contract. */
class UnigramSamplerContractTest extends SamplerContractTest {

  @Override
  protected SamplerProvider provider() {
    return new UnigramSamplerProvider();
  }
}
