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

  /** The file as a program reads it through the library, for the queries. */
  dev.w2v.library.WordVectors load() {
    return dev.w2v.library.WordVectors.load(file);
  }
}
