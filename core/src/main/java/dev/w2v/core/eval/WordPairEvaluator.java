package dev.w2v.core.eval;

import com.google.common.base.Preconditions;
import dev.w2v.core.W2vException;
import dev.w2v.core.vectors.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Correlates cosine similarity with human judgements in gensim's word-pair format ({@code
 * wordsim353.tsv}): lines starting with {@code #} are comments, others are {@code word1 TAB word2
 * TAB score}. Matches gensim's {@code evaluate_word_pairs} with {@code dummy4unknown=False}: pairs
 * with a word outside the first {@code restrictVocab} rows are skipped and counted; malformed lines
 * are skipped.
 *
 * @param restrictVocab how many of the first (most frequent) rows may be used; gensim: 300000
 * @param caseInsensitive compare words upper-cased, the first case variant standing for the word
 */
public record WordPairEvaluator(int restrictVocab, boolean caseInsensitive) {

  public WordPairEvaluator {
    Preconditions.checkArgument(
        restrictVocab > 0, "restrictVocab must be positive, got %s", restrictVocab);
  }

  /** gensim's defaults: 300000 words, case-insensitive. */
  public static WordPairEvaluator defaults() {
    return new WordPairEvaluator(300000, true);
  }

  /**
   * Evaluates {@code vectors} on the pairs in {@code pairsFile}.
   *
   * @throws W2vException if the file is unreadable or no pair could be scored
   */
  public SimilarityReport evaluate(WordVectors vectors, Path pairsFile) {
    EvalVocabulary vocab = new EvalVocabulary(vectors, restrictVocab, caseInsensitive);
    double[] gold = new double[64];
    double[] model = new double[64];
    int n = 0;
    int oov = 0;
    int skipped = 0;
    int lineNo = 0;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Files.newInputStream(pairsFile),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", -1);
        double score;
        try {
          if (parts.length != 3) {
            throw new NumberFormatException();
          }
          score = Double.parseDouble(parts[2].strip());
        } catch (NumberFormatException e) {
          skipped++;
          continue;
        }
        int a = vocab.row(vocab.key(parts[0]));
        int b = vocab.row(vocab.key(parts[1]));
        if (a < 0 || b < 0) {
          oov++;
          continue;
        }
        if (n == gold.length) {
          gold = Arrays.copyOf(gold, 2 * n);
          model = Arrays.copyOf(model, 2 * n);
        }
        gold[n] = score;
        model[n++] = cosine(vectors, a, b);
      }
    } catch (NoSuchFileException e) {
      throw new W2vException("word-pair file " + pairsFile + " does not exist: check the path");
    } catch (CharacterCodingException e) {
      throw new W2vException(
          "word-pair file "
              + pairsFile
              + ", line "
              + (lineNo + 1)
              + ": not valid UTF-8; re-encode the file as UTF-8");
    } catch (IOException e) {
      throw new W2vException("cannot read word-pair file " + pairsFile + ": " + e.getMessage(), e);
    }
    if (n == 0) {
      throw new W2vException(
          "word-pair file "
              + pairsFile
              + ": no pair could be scored ("
              + oov
              + " out of vocabulary, "
              + skipped
              + " malformed lines); expected 'word TAB word TAB"
              + " score' lines with words among the first "
              + restrictVocab
              + " vectors");
    }
    gold = Arrays.copyOf(gold, n);
    model = Arrays.copyOf(model, n);
    return new SimilarityReport(
        n,
        oov,
        skipped,
        Correlation.spearman(gold, model),
        Correlation.pearson(gold, model),
        restrictVocab,
        caseInsensitive);
  }

  /** Cosine similarity in double; 0 if either vector is zero. */
  static double cosine(WordVectors vectors, int a, int b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < vectors.dim(); j++) {
      double x = vectors.get(a, j);
      double y = vectors.get(b, j);
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    return na == 0 || nb == 0 ? 0.0 : dot / Math.sqrt(na * nb);
  }
}
