package dev.w2v.runner.query;

import dev.w2v.core.vectors.VectorFileReader;
import dev.w2v.core.vectors.WordVectors;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --vectors FILE}: a word2vec text or binary file, the format detected. */
final class VectorsOption {

  @Option(
      names = "--vectors",
      required = true,
      paramLabel = "FILE",
      description =
          "A word2vec vector file, text or binary (detected), as written by w2v, word2vec C, gensim or fastText.")
  Path file;

  WordVectors read() {
    return VectorFileReader.read(file);
  }
}
