package dev.w2v.runner;

import dev.w2v.runner.plugins.Plugins;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where plugin jars are looked for: ./plugins, then each --plugin-path folder. */
final class PluginFolders {

  private PluginFolders() {}

  static Plugins load(List<Path> extra) {
    List<Path> folders = new ArrayList<>();
    folders.add(Path.of("plugins"));
    folders.addAll(extra);
    return Plugins.load(folders);
  }

}
