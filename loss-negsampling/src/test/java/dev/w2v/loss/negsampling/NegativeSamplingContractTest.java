package dev.w2v.loss.negsampling;

import dev.w2v.api.LossProvider;
import dev.w2v.api.Parameters;
import dev.w2v.api.Sampler;
import dev.w2v.api.WordCounts;
import dev.w2v.testkit.LossContractTest;

/** Negative sampling, with its own unigram sampler, against the plugin contract. */
class NegativeSamplingContractTest extends LossContractTest {

  @Override
  protected LossProvider provider() {
    return new NegativeSamplingProvider();
  }

  @Override
  protected Sampler sampler(WordCounts counts) {
    UnigramSamplerProvider unigram = new UnigramSamplerProvider();
    return unigram.create(counts, Parameters.defaults(unigram.name(), unigram.parameters()));
  }
}
