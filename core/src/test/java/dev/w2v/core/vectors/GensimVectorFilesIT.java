package dev.w2v.core.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.w2v.core.testing.GensimBridge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our files load in gensim, and gensim's files load in our reader, value for value. */
class GensimVectorFilesIT {

  @TempDir Path dir;

  private static WordVectors sample() {
    SplittableRandom random = new SplittableRandom(11);
    int v = 300;
    int d = 13;
    List<String> words = new ArrayList<>();
    float[] data = new float[v * d];
    for (int i = 0; i < v; i++) {
      words.add(i % 5 == 0 ? "größe" + i : i % 5 == 1 ? "Ω_" + i : "word" + i);
    }
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-38, 38)));
    }
    return WordVectors.of(words, d, data);
  }

  /** Checks "word<TAB>hex bits" lines against {@code expected}, every bit of every value. */
  private static void assertSameAsDump(WordVectors expected, List<String> dump) {
    assertEquals(expected.size(), dump.size(), "number of words");
    for (int i = 0; i < dump.size(); i++) {
      String[] parts = dump.get(i).split("\t");
      assertEquals(expected.word(i), parts[0], "word of row " + i);
      String[] hex = parts[1].split(" ");
      assertEquals(expected.dim(), hex.length, "dimension of row " + i);
      for (int j = 0; j < hex.length; j++) {
        int bits = Integer.parseUnsignedInt(hex[j], 16);
        assertEquals(
            Float.floatToRawIntBits(expected.get(i, j)),
            bits,
            "row "
                + i
                + " '"
                + expected.word(i)
                + "' value "
                + j
                + ": expected "
                + expected.get(i, j)
                + " got "
                + Float.intBitsToFloat(bits));
      }
    }
  }

  @Test
  void gensimReadsOurTextAndBinaryFilesExactly() throws Exception {
    GensimBridge gensim = GensimBridge.requireGensim(dir);
    WordVectors ours = sample();
    Path text = dir.resolve("ours.txt");
    Path binary = dir.resolve("ours.bin");
    VectorFileWriter.write(ours, text, VectorFormat.TEXT);
    VectorFileWriter.write(ours, binary, VectorFormat.BINARY);
    assertSameAsDump(ours, gensim.run("load", text.toString(), "text"));
    assertSameAsDump(ours, gensim.run("load", binary.toString(), "binary"));
  }

  @Test
  void weReadGensimTextAndBinaryFilesExactly() throws Exception {
    GensimBridge gensim = GensimBridge.requireGensim(dir);
    Path text = dir.resolve("gensim.txt");
    Path binary = dir.resolve("gensim.bin");
    List<String> dump = gensim.run("save", text.toString(), binary.toString(), "5");
    WordVectors fromText = VectorFileReader.read(text);
    WordVectors fromBinary = VectorFileReader.read(binary);
    assertEquals(VectorFormat.TEXT, VectorFileReader.detect(text));
    assertEquals(VectorFormat.BINARY, VectorFileReader.detect(binary));
    assertEquals(53, fromText.size(), "the bridge writes 53 words");
    assertSameAsDump(fromText, dump);
    assertSameAsDump(fromBinary, dump);
  }
}
