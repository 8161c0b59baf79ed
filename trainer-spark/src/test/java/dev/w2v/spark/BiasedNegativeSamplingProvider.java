package dev.w2v.spark;

import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.ParameterSpec;
import dev.w2v.api.WordCounts;
import dev.w2v.core.testing.BiasedLoss;
import dev.w2v.core.train.LossFactory;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A loss plugin with trainable parameters of its own (core's test {@link BiasedLoss}: a bias per
 * word pulled towards 1), found by name as the executors find every loss.
 */
public final class BiasedNegativeSamplingProvider implements LossProvider {

  /**
   * The shipped negative sampling, found as any plugin is (it is on the class path at run time);
   * looked up when needed and past this class, since providers are built while the loader lists.
   */
  private static LossProvider inner() {
    return ServiceLoader.load(LossProvider.class).stream()
        .filter(p -> p.type() != BiasedNegativeSamplingProvider.class)
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("negsampling"))
        .findFirst()
        .orElseThrow();
  }

  @Override
  public String name() {
    return "biased-negsampling";
  }

  @Override
  public String description() {
    return "negative sampling plus a bias per word, for tests";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return inner().parameters();
  }

  @Override
  public Loss create(LossContext context) {
    LossProvider inner = inner();
    LossFactory negsampling =
        new LossFactory() {
          @Override
          public Loss create(WordCounts counts, int dimension) {
            return inner.create(context);
          }

          @Override
          public String description() {
            return inner.description();
          }

          @Override
          public String lossName() {
            return inner.name();
          }
        };
    return new BiasedLoss(negsampling).create(context.counts(), context.dimension());
  }
}
