import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes N random Gaussian vectors of dimension D, words w0 .. w(N-1), in word2vec's binary layout:
 * the stand-in for a real 100,000-word, 300-dimension model in bench/explore-speed.sh. Seeded, so
 * every run measures the same file.
 *
 * <p>Run with {@code java bench/RandomVectors.java N D FILE}.
 */
public final class RandomVectors {

  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    int d = Integer.parseInt(args[1]);
    SplittableRandom random = new SplittableRandom(20261202L);
    ByteBuffer row = ByteBuffer.allocate(4 * d).order(ByteOrder.LITTLE_ENDIAN);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])), 1 << 20)) {
      out.write((n + " " + d + "\n").getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < n; i++) {
        out.write(("w" + i + " ").getBytes(StandardCharsets.US_ASCII));
        row.clear();
        for (int j = 0; j < d; j++) {
          row.putFloat((float) random.nextGaussian());
        }
        out.write(row.array());
        out.write('\n');
      }
    }
  }
}
