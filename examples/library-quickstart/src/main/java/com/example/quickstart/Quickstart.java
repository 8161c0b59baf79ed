package com.example.quickstart;

import dev.w2v.library.Model;
import dev.w2v.library.Neighbor;
import dev.w2v.library.VectorFormat;
import dev.w2v.library.Word2Vec;
import dev.w2v.library.WordVectors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Trains word vectors on a small text, saves them in word2vec's binary format, loads them back
 * and prints the nearest neighbours of a few words.
 *
 * <p>{@code java -jar target/library-quickstart.jar [CORPUS [VECTORS]]}: without arguments it
 * writes a small sample text to {@code target/sample.txt} and trains on that.
 */
public final class Quickstart {

  private Quickstart() {}

  public static void main(String[] args) throws IOException {
    Path corpus =
        args.length > 0 ? Path.of(args[0]) : SampleText.write(Path.of("target", "sample.txt"));
    Path vectors = Path.of(args.length > 1 ? args[1] : "target/vectors.bin");
    run(corpus, vectors, List.of("king", "cat", "bread"), System.out);
  }

  /** Trains on {@code corpus}, saves to {@code file}, loads it and prints the neighbours. */
  static void run(Path corpus, Path file, List<String> words, PrintStream out) {
    Model model =
        Word2Vec.builder()
            .dimension(32)
            .window(4)
            .minCount(2)
            .epochs(10)
            .threads(1) // with one thread a seed fixes the result
            .seed(1)
            .build()
            .train(corpus);
    out.println(model.summary());

    model.vectors().save(file, VectorFormat.BINARY);
    WordVectors vectors = WordVectors.load(file);
    out.println("saved and loaded " + file + ": " + vectors.size() + " words");

    for (String word : words) {
      StringBuilder line = new StringBuilder(word + ":");
      for (Neighbor n : vectors.mostSimilar(word, 3)) {
        line.append(String.format(Locale.ROOT, " %s %.3f", n.word(), n.similarity()));
      }
      out.println(line);
    }
  }
}
