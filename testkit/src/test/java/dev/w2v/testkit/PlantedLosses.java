package dev.w2v.testkit;

import dev.w2v.api.GradientSink;
import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.ParameterSpec;
import dev.w2v.api.Parameters;
import dev.w2v.api.Sampler;
import dev.w2v.api.SamplerProvider;
import dev.w2v.api.WordCounts;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Contract-test subclasses over a correct loss and over losses with planted bugs, run by {@link
 * KitSelfTest} through the JUnit Platform's engine test kit. Not themselves picked up as tests
 * (nested, and not named *Test).
 */
final class PlantedLosses {

  private PlantedLosses() {}

  /** A provider of a correct negative-sampling loss, corrupted by {@code bug}. */
  static LossProvider provider(UnaryOperator<Loss> bug) {
    return new LossProvider() {
      @Override
      public String name() {
        return "planted";
      }

      @Override
      public String description() {
        return "negative sampling, possibly with a planted bug";
      }

      @Override
      public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("k", 5, "negatives per target"));
      }

      @Override
      public Loss create(LossContext context) {
        int k = context.parameters().getInt("k");
        if (k < 1) {
          throw new IllegalArgumentException("k must be at least 1");
        }
        return bug.apply(
            new ExactNegativeSampling(
                context.counts().size(), context.dimension(), k, context.sampler()));
      }
    };
  }

  static final class Correct extends LossContractTest {
    @Override
    protected LossProvider provider() {
      return PlantedLosses.provider(loss -> loss);
    }
  }

  static final class FlippedSign extends LossContractTest {
    @Override
    protected LossProvider provider() {
      return PlantedLosses.provider(PlantedBugs::flippedInputSign);
    }
  }

  static final class RepeatedNegativeCountedOnce extends LossContractTest {
    @Override
    protected LossProvider provider() {
      return PlantedLosses.provider(PlantedBugs::repeatedRowCountedOnce);
    }
  }

  /** Allocates a working array on every call instead of using its scratch. */
  static final class Allocating extends LossContractTest {
    static volatile float[] escape;

    @Override
    protected LossProvider provider() {
      return PlantedLosses.provider(
          loss ->
              new Delegating(loss) {
                @Override
                public double lossAndGradient(
                    Scratch s,
                    float[] in,
                    int off,
                    int t,
                    float[] out,
                    RandomGenerator r,
                    GradientSink sink) {
                  escape = new float[64];
                  return super.lossAndGradient(s, in, off, t, out, r, sink);
                }
              });
    }
  }

  /** Hands every thread the same scratch, so two threads overwrite each other's work. */
  static final class SharedScratch extends LossContractTest {
    @Override
    protected LossProvider provider() {
      return PlantedLosses.provider(
          loss ->
              new Delegating(loss) {
                private final Scratch shared = loss.newScratch();

                @Override
                public Scratch newScratch() {
                  return shared;
                }
              });
    }
  }

  /** A sampler that draws uniformly but declares counts^0.75. */
  static final class LyingSampler extends SamplerContractTest {
    @Override
    protected SamplerProvider provider() {
      return new SamplerProvider() {
        @Override
        public String name() {
          return "lying";
        }

        @Override
        public String description() {
          return "draws uniformly, declares a Zipf law";
        }

        @Override
        public List<ParameterSpec> parameters() {
          return List.of();
        }

        @Override
        public Sampler create(WordCounts counts, Parameters parameters) {
          KitSampler declared = new KitSampler(counts.toArray());
          return new Sampler() {
            @Override
            public int size() {
              return declared.size();
            }

            @Override
            public int sample(RandomGenerator random) {
              return random.nextInt(declared.size());
            }

            @Override
            public double probability(int word) {
              return declared.probability(word);
            }
          };
        }
      };
    }
  }

  /** The kit's own sampler, which must pass its own contract. */
  static final class HonestSampler extends SamplerContractTest {
    @Override
    protected SamplerProvider provider() {
      return new SamplerProvider() {
        @Override
        public String name() {
          return "honest";
        }

        @Override
        public String description() {
          return "counts^0.75 by binary search";
        }

        @Override
        public List<ParameterSpec> parameters() {
          return List.of();
        }

        @Override
        public Sampler create(WordCounts counts, Parameters parameters) {
          return new KitSampler(counts.toArray());
        }
      };
    }
  }

  private static class Delegating implements Loss {
    private final Loss inner;

    Delegating(Loss inner) {
      this.inner = inner;
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public int outputRows() {
      return inner.outputRows();
    }

    @Override
    public Scratch newScratch() {
      return inner.newScratch();
    }

    @Override
    public double lossAndGradient(
        Scratch s, float[] in, int off, int t, float[] out, RandomGenerator r, GradientSink sink) {
      return inner.lossAndGradient(s, in, off, t, out, r, sink);
    }
  }
}
