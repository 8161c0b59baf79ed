package dev.w2v.runner;

import dev.w2v.api.ParameterSpec;
import dev.w2v.api.Plugin;
import dev.w2v.core.plugin.ProviderRegistry;
import dev.w2v.runner.plugins.Plugins;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code w2v plugins}: every loss and sampler found, with its parameters. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = "List every loss and sampler found, with parameters and defaults.")
final class PluginsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--plugin-path",
      paramLabel = "DIR",
      description = "A folder of plugin jars, besides ./plugins.")
  List<Path> pluginPath = new ArrayList<>();

  @Override
  public Integer call() {
    Plugins plugins = PluginFolders.load(pluginPath, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    print(out, "loss", plugins.losses(), plugins);
    out.println();
    print(out, "sampler", plugins.samplers(), plugins);
    out.flush();
    return 0;
  }

  private static <P extends Plugin> void print(
      PrintWriter out, String kind, ProviderRegistry<P> registry, Plugins plugins) {
    out.println(kind.equals("loss") ? "Losses:" : "Samplers:");
    for (ProviderRegistry.Entry<P> entry : registry.entries()) {
      Plugin p = entry.provider();
      out.printf("  %-14s %s: %s%n", p.name(), kind, p.description());
      out.printf(
          "  %-14s from %s, version %s%n", "", entry.origin(), plugins.version(entry.origin()));
      for (ParameterSpec parameter : p.parameters()) {
        out.printf(
            "  %-14s   %s.%s = %s  (%s) %s%n",
            "",
            p.name(),
            parameter.name(),
            parameter.defaultValue(),
            parameter.type().name().toLowerCase(java.util.Locale.ROOT),
            parameter.description());
      }
      for (String trainer : TRAINERS.all().stream().map(t -> t.name()).toList()) {
        p.defaults(trainer)
            .forEach(
                (name, value) ->
                    out.printf(
                        "  %-14s   %s.%s = %s  for trainer %s%n",
                        "", p.name(), name, value, trainer));
      }
      if (p instanceof dev.w2v.api.LossProvider loss && !loss.usesSampler()) {
        out.printf("  %-14s   draws no words: needs no sampler%n", "");
      }
    }
  }

  private static final dev.w2v.core.train.Trainers TRAINERS = dev.w2v.core.train.Trainers.load();
}
