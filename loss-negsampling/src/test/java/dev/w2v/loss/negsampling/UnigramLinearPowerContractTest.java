package dev.w2v.loss.negsampling;

import java.util.Map;

/** The unigram sampler at power 1 (plain frequencies) against the sampler contract. */
class UnigramLinearPowerContractTest extends UnigramSamplerContractTest {

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("power", 1.0);
  }
}
