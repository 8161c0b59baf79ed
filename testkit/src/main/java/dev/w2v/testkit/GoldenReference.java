package dev.w2v.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CS224n reference figures (cs224n-golden.md, copied from the course check), parsed from the
 * document itself so that the tests and the documented figures cannot drift apart.
 */
public final class GoldenReference {

  /** One of the two cases: its outside words, drawn negatives, loss and gradients. */
  public record Case(
      int center,
      int[] outside,
      int[][] negatives,
      double loss,
      double[] inputGradient,
      double[][] outputGradient) {}

  private final double[][] centerVectors = new double[5][];
  private final double[][] outsideVectors = new double[5][];
  private Case softmax;
  private Case negativeSampling;

  private GoldenReference(List<String> lines) {
    Pattern row = Pattern.compile("^([VU])\\[(\\d)\\] = (.*)$");
    String section = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.startsWith("## ")) {
        section = line;
        continue;
      }
      Matcher m = row.matcher(line);
      if (m.matches()) {
        double[] values = numbers(m.group(3));
        (m.group(1).equals("V") ? centerVectors : outsideVectors)[Integer.parseInt(m.group(2))] =
            values;
      }
      if (line.startsWith("loss = ")) {
        double loss = Double.parseDouble(line.substring("loss = ".length()));
        double[] input = numbers(between(lines.get(i + 1), '[', ']'));
        double[][] output = new double[5][];
        for (int r = 0; r < 5; r++) {
          output[r] = numbers(between(lines.get(i + 3 + r), '[', ']'));
        }
        if (section.contains("naive softmax")) {
          softmax = new Case(2, new int[] {0, 1, 4, 3, 1, 2}, new int[0][], loss, input, output);
        } else if (section.contains("negative sampling")) {
          negativeSampling =
              new Case(2, new int[] {0, 1}, negativesFrom(lines), loss, input, output);
        }
      }
    }
    if (softmax == null
        || negativeSampling == null
        || Arrays.asList(outsideVectors).contains(null)) {
      throw new IllegalStateException("cs224n-golden.md did not parse: a section is missing");
    }
  }

  private static int[][] negativesFrom(List<String> lines) {
    List<int[]> draws = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("for outside word ")) {
        draws.add(
            Arrays.stream(between(line, '[', ']').split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray());
      }
    }
    return draws.toArray(new int[0][]);
  }

  private static String between(String line, char open, char close) {
    return line.substring(line.indexOf(open) + 1, line.lastIndexOf(close));
  }

  private static double[] numbers(String text) {
    return Arrays.stream(text.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
  }

  /** Loads the copy in core's test resources. */
  public static GoldenReference load() {
    try (InputStream in = GoldenReference.class.getResourceAsStream("cs224n-golden.md")) {
      if (in == null) {
        throw new IllegalStateException("cs224n-golden.md is missing from the test resources");
      }
      return new GoldenReference(
          List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The five center vectors, 5 x 3, as floats in a flat array. */
  public float[] centerMatrix() {
    return flatten(centerVectors);
  }

  /** The five outside vectors, 5 x 3, as floats in a flat array. */
  public float[] outsideMatrix() {
    return flatten(outsideVectors);
  }

  public Case softmax() {
    return softmax;
  }

  public Case negativeSampling() {
    return negativeSampling;
  }

  private static float[] flatten(double[][] rows) {
    float[] flat = new float[rows.length * 3];
    for (int r = 0; r < rows.length; r++) {
      for (int j = 0; j < 3; j++) {
        flat[r * 3 + j] = (float) rows[r][j];
      }
    }
    return flat;
  }
}
