package dev.w2v.runner;

import dev.w2v.core.W2vException;
import dev.w2v.runner.plugins.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where plugin jars are looked for: ./plugins, then each --plugin-path folder. */
final class PluginFolders {

  private PluginFolders() {}

  /**
   * Loads the plugins and prints a warning line for each jar that was skipped. {@code ./plugins}
   * may be missing; a folder the user named must exist.
   */
  static Plugins load(List<Path> extra, java.io.PrintWriter err) {
    for (Path folder : extra) {
      if (!Files.isDirectory(folder)) {
        throw new W2vException(
            "plugin folder "
                + folder
                + (Files.exists(folder) ? " is not a folder" : " does not exist")
                + "; check --plugin-path (it names folders of plugin jars)");
      }
    }
    List<Path> folders = new ArrayList<>();
    folders.add(Path.of("plugins"));
    folders.addAll(extra);
    Plugins plugins = Plugins.load(folders);
    for (String warning : plugins.warnings()) {
      err.println("w2v: warning: " + warning);
    }
    err.flush();
    return plugins;
  }
}
