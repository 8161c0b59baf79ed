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

  /** A provider of a batched negative-sampling loss with {@code bug} planted (or none). */
  static LossProvider batchedProvider(ExactBatchedNegativeSampling.Bug bug) {
    LossProvider plain = provider(loss -> loss);
    return new LossProvider() {
      @Override
      public String name() {
        return "planted-batched";
      }

      @Override
      public String description() {
        return "batched negative sampling, possibly with a planted bug";
      }

      @Override
      public List<ParameterSpec> parameters() {
        return plain.parameters();
      }

      @Override
      public Loss create(LossContext context) {
        return new ExactBatchedNegativeSampling(
            context.counts().size(),
            context.dimension(),
            context.parameters().getInt("k"),
            context.sampler(),
            bug);
      }
    };
  }

  /** A contract test of the batched loss with {@code bug}. */
  private abstract static class Batched extends LossContractTest {
    private final ExactBatchedNegativeSampling.Bug bug;

    Batched(ExactBatchedNegativeSampling.Bug bug) {
      this.bug = bug;
    }

    @Override
    protected boolean registeredAsAService() {
      return false;
    }

    @Override
    protected LossProvider provider() {
      return batchedProvider(bug);
    }
  }

  static final class CorrectBatched extends Batched {
    CorrectBatched() {
      super(ExactBatchedNegativeSampling.Bug.NONE);
    }
  }

  static final class BatchedRowGradientOfTheFirstInputOnly extends Batched {
    BatchedRowGradientOfTheFirstInputOnly() {
      super(ExactBatchedNegativeSampling.Bug.ROW_GRADIENT_OF_THE_FIRST_INPUT_ONLY);
    }
  }

  static final class BatchedNegativesPerInput extends Batched {
    BatchedNegativesPerInput() {
      super(ExactBatchedNegativeSampling.Bug.NEGATIVES_PER_INPUT);
    }
  }

  static final class BatchedReportsBeforeReading extends Batched {
    BatchedReportsBeforeReading() {
      super(ExactBatchedNegativeSampling.Bug.REPORTS_BEFORE_READING);
    }
  }

  static final class Correct extends LossContractTest {
    @Override
    protected boolean registeredAsAService() {
      return false;
    }

    @Override
    protected LossProvider provider() {
      return PlantedLosses.provider(loss -> loss);
    }
  }

  static final class FlippedSign extends LossContractTest {
    @Override
    protected boolean registeredAsAService() {
      return false;
    }

    @Override
    protected LossProvider provider() {
      return PlantedLosses.provider(PlantedBugs::flippedInputSign);
    }
  }

  static final class RepeatedNegativeCountedOnce extends LossContractTest {
    @Override
    protected boolean registeredAsAService() {
      return false;
    }

    @Override
    protected LossProvider provider() {
      return PlantedLosses.provider(PlantedBugs::repeatedRowCountedOnce);
    }
  }

  /** Allocates a working array on every call instead of using its scratch. */
  static final class Allocating extends LossContractTest {
    @Override
    protected boolean registeredAsAService() {
      return false;
    }

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
    protected boolean registeredAsAService() {
      return false;
    }

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

  /** Redraws a negative equal to the target without bound: hangs on a target-only sampler. */
  static final class UnboundedRedraws extends LossContractTest {
    @Override
    protected boolean registeredAsAService() {
      return false;
    }

    @Override
    protected LossProvider provider() {
      return PlantedLosses.provider(
          loss -> loss instanceof ExactNegativeSampling e ? e.unboundedRedraws() : loss);
    }
  }

  /** Negative sampling with a bias per word whose gradient has the wrong sign. */
  static final class WrongBiasGradient extends LossContractTest {
    @Override
    protected boolean registeredAsAService() {
      return false;
    }

    @Override
    protected LossProvider provider() {
      return PlantedLosses.provider(loss -> new Biased(loss, -1f));
    }
  }

  /** Negative sampling with a correct bias per word: a loss with parameters of its own. */
  static final class CorrectBias extends LossContractTest {
    @Override
    protected boolean registeredAsAService() {
      return false;
    }

    @Override
    protected LossProvider provider() {
      return PlantedLosses.provider(loss -> new Biased(loss, 1f));
    }
  }

  /**
   * J = inner(v, target) + b[target]^2 / 2: an extra parameter block whose gradient is b[target],
   * reported with {@code sign} (-1 is the planted bug).
   */
  private static final class Biased extends Delegating {
    private final float sign;
    private final int words;

    Biased(Loss inner, float sign) {
      super(inner);
      this.sign = sign;
      this.words = inner.outputRows();
    }

    @Override
    public java.util.List<dev.w2v.api.ParameterBlock> extraParameters() {
      return java.util.List.of(new dev.w2v.api.ParameterBlock("bias", words, 0.1f));
    }

    @Override
    public double lossAndGradient(
        Scratch s,
        float[] in,
        int off,
        int t,
        float[] out,
        float[][] extras,
        RandomGenerator r,
        GradientSink sink) {
      float b = extras[0][t];
      double j = super.lossAndGradient(s, in, off, t, out, r, sink);
      sink.extraGradient(0, t, sign * b);
      return j + 0.5 * b * b;
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
