package dev.w2v.core.plugin;

import dev.w2v.api.Loss;
import dev.w2v.api.LossContext;
import dev.w2v.api.LossProvider;
import dev.w2v.api.ParameterSpec;
import java.util.List;

/** Providers that the registry tests expose through service files of their own. */
final class TestProviders {

  private TestProviders() {}

  abstract static class Named implements LossProvider {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return "a test provider";
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of();
    }

    @Override
    public Loss create(LossContext context) {
      throw new UnsupportedOperationException();
    }
  }

  public static final class Alpha extends Named {
    public Alpha() {
      super("alpha");
    }
  }

  public static final class Beta extends Named {
    public Beta() {
      super("beta-2");
    }
  }

  public static final class AnotherAlpha extends Named {
    public AnotherAlpha() {
      super("alpha");
    }
  }

  public static final class BadName extends Named {
    public BadName() {
      super("Bad_Name");
    }
  }
}
