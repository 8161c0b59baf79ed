package dev.w2v.core.testing;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Damaged copies of a valid input, as files get damaged: bytes flipped, inserted, deleted or
 * duplicated, the end cut off, runs replaced by digits, spaces or line ends. Positions are drawn as
 * fractions so that one set of edits applies to an input of any length.
 */
public final class Mutations {

  private Mutations() {}

  /** One edit at a relative position. */
  private record Edit(int kind, double where, double length, byte value) {}

  /** Inputs made from {@code original} by one to eight edits. */
  public static Arbitrary<byte[]> of(byte[] original) {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 6),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 0.2),
                Arbitraries.bytes())
            .as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(8).map(edits -> apply(original, edits));
  }

  private static final byte[][] TEXT = {
    "0".getBytes(), "-".getBytes(), " ".getBytes(), "\n".getBytes(), "99999999999".getBytes(),
    "1e39".getBytes(), "NaN".getBytes(), "\t".getBytes(), "=".getBytes(), "\"".getBytes()
  };

  private static byte[] apply(byte[] original, List<Edit> edits) {
    byte[] data = original.clone();
    for (Edit e : edits) {
      int n = data.length;
      int at = (int) (e.where() * n);
      int span = Math.max(1, (int) (e.length() * n));
      switch (e.kind()) {
        case 0 -> { // flip bits of one byte
          if (n > 0) {
            data[Math.min(at, n - 1)] ^= (byte) (e.value() | 1);
          }
        }
        case 1 -> data = splice(data, at, 0, new byte[] {e.value()}); // insert a byte
        case 2 -> data = splice(data, at, Math.min(span, n - at), new byte[0]); // delete a run
        case 3 -> data = Arrays.copyOf(data, at); // cut the end
        case 4 -> data = splice(data, at, 0, Arrays.copyOfRange(data, at, Math.min(n, at + span)));
        case 5 ->
            data =
                splice(data, at, Math.min(1, n - at), TEXT[Math.floorMod(e.value(), TEXT.length)]);
        default -> { // random bytes over a run
          for (int i = at; i < Math.min(n, at + span); i++) {
            data[i] = (byte) (data[i] * 31 + e.value());
          }
        }
      }
    }
    return data;
  }

  private static byte[] splice(byte[] data, int at, int remove, byte[] insert) {
    at = Math.max(0, Math.min(at, data.length));
    remove = Math.max(0, Math.min(remove, data.length - at));
    byte[] out = new byte[data.length - remove + insert.length];
    System.arraycopy(data, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(data, at + remove, out, at + insert.length, data.length - at - remove);
    return out;
  }
}
