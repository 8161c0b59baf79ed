package dev.w2v.runner.render;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * What the progress bar needs to know of the terminal that stderr shows on. Java cannot see it
 * (stderr reaches the JVM through the launcher's filter, a pipe), so the launcher passes {@code
 * -Dw2v.tty=true} and {@code -Dw2v.columns=N}; after a resize the terminal is asked again with
 * {@code stty size} on {@code /dev/tty}, the process's controlling terminal.
 */
final class Terminal {

  private Terminal() {}

  /** stderr's terminal width in columns, or 0 if stderr is not a terminal. */
  static int columns() {
    if (!Boolean.getBoolean("w2v.tty")) {
      return 0;
    }
    for (String given :
        new String[] {System.getProperty("w2v.columns"), System.getenv("COLUMNS")}) {
      int n = parse(given);
      if (n > 0) {
        return n;
      }
    }
    int measured = measure();
    return measured > 0 ? measured : 80;
  }

  /** The controlling terminal's width now, by {@code stty size}, or 0 if it cannot be asked. */
  static int measure() {
    File tty = new File("/dev/tty");
    if (!tty.canRead()) {
      return 0;
    }
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(tty)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
        stty.destroy();
        return 0;
      }
      String[] rowsColumns = out.strip().split("\\s+");
      return rowsColumns.length == 2 ? parse(rowsColumns[1]) : 0;
    } catch (java.io.IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /**
   * Runs {@code action} (on a thread of the JVM's) whenever the terminal is resized, where the JVM
   * lets a program handle SIGWINCH; elsewhere does nothing, and the bar keeps its width. Through
   * reflection, as JLine does, because {@code sun.misc.Signal} is an unsupported API that javac
   * warns about on every build, and because it may be missing.
   */
  static void onResize(Runnable action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Constructor<?> named = signal.getConstructor(String.class);
      Object winch = named.newInstance("WINCH");
      Object proxy =
          Proxy.newProxyInstance(
              handler.getClassLoader(),
              new Class<?>[] {handler},
              (self, method, args) -> {
                if (method.getName().equals("handle")) {
                  action.run();
                  return null;
                }
                // Object's methods on the proxy itself: identity semantics
                return switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(self);
                  case "equals" -> self == args[0];
                  default -> "SIGWINCH handler";
                };
              });
      Method handle = signal.getMethod("handle", signal, handler);
      handle.invoke(null, winch, proxy);
    } catch (ReflectiveOperationException | IllegalArgumentException | LinkageError e) {
      // no SIGWINCH here (another OS or JVM): the width stays what it was at the start
    }
  }

  private static int parse(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
