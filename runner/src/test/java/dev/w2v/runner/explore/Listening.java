package dev.w2v.runner.explore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The local addresses on which a TCP port is listening, read from the kernel's socket tables (Linux
 * {@code /proc/net/tcp} and {@code tcp6}), so a test can see what a server bound to without sending
 * anything beyond loopback.
 */
final class Listening {

  private Listening() {}

  /** Whether the socket tables can be read here. */
  static boolean available() {
    return Files.isReadable(Path.of("/proc/net/tcp"));
  }

  /** Addresses listening on {@code port}, as the kernel's hex strings (IPv4 8, IPv6 32 digits). */
  static List<String> addresses(int port) throws IOException {
    List<String> out = new ArrayList<>();
    String hexPort = String.format(Locale.ROOT, "%04X", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.isReadable(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file)) {
        String[] f = line.trim().split("\\s+");
        // sl local_address rem_address st ...; st 0A is LISTEN
        if (f.length > 3 && f[1].endsWith(":" + hexPort) && f[3].equals("0A")) {
          out.add(f[1].substring(0, f[1].indexOf(':')));
        }
      }
    }
    return out;
  }

  /** Whether a kernel hex address is 127.0.0.1, natively or IPv4-mapped in IPv6, or ::1. */
  static boolean isLoopback(String hex) {
    return hex.equals("0100007F")
        || hex.equals("0000000000000000FFFF00000100007F")
        || hex.equals("00000000000000000000000001000000");
  }
}
