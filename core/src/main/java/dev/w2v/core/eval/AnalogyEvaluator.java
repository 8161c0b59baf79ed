package dev.w2v.core.eval;

import com.google.common.base.Preconditions;
import dev.w2v.core.query.CosineIndex;
import dev.w2v.core.query.TopK;
import dev.w2v.core.vectors.WordVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers analogy questions by 3CosAdd, as word2vec C's compute-accuracy and gensim's {@code
 * evaluate_word_analogies} do: the answer to "a is to b as c is to ?" is the word whose unit vector
 * has the highest cosine with {@code unit(b) - unit(a) + unit(c)}, searched among the first {@code
 * restrictVocab} words, a, b and c excluded.
 *
 * <p>Matches gensim's details: with {@code caseInsensitive}, words are compared upper-cased and of
 * several case variants the first (most frequent) row stands for the word; a candidate that is a
 * case variant of a, b or c is passed over, but only among the best five (gensim looks at no more);
 * questions with a word outside the vocabulary are skipped and counted.
 *
 * <p>Questions are scored in blocks as one matrix product against a column-major copy of the
 * vocabulary, so 19544 questions against 30000 x 300 vectors take seconds.
 *
 * @param restrictVocab how many of the first (most frequent) rows to search; 30000 in word2vec C
 * @param caseInsensitive compare words upper-cased, as gensim does by default
 */
public record AnalogyEvaluator(int restrictVocab, boolean caseInsensitive) {

  /** Candidates gensim examines per question ({@code most_similar(..., topn=5)}). */
  private static final int CANDIDATES = 5;

  private static final int BLOCK = 64;

  public AnalogyEvaluator {
    Preconditions.checkArgument(
        restrictVocab > 0, "restrictVocab must be positive, got %s", restrictVocab);
  }

  /** The usual setting: the 30000 most frequent words, case-insensitive. */
  public static AnalogyEvaluator defaults() {
    return new AnalogyEvaluator(30000, true);
  }

  /** Reads {@code questionsFile} and evaluates {@code vectors} on it. */
  public AnalogyReport evaluate(WordVectors vectors, Path questionsFile) {
    return evaluate(vectors, AnalogyQuestions.read(questionsFile));
  }

  /** Evaluates {@code vectors} on {@code questions}. */
  public AnalogyReport evaluate(WordVectors vectors, AnalogyQuestions questions) {
    EvalVocabulary vocab = new EvalVocabulary(vectors, restrictVocab, caseInsensitive);
    CosineIndex index = CosineIndex.of(vectors, restrictVocab);
    int d = vectors.dim();
    float[] block = new float[BLOCK * d];
    int[] excluded = new int[BLOCK * 3];
    TopK[] tops = new TopK[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      tops[i] = new TopK(CANDIDATES);
    }
    String[][] pending = new String[BLOCK][];
    List<SectionScore> scores = new ArrayList<>();
    int totalCorrect = 0;
    int totalIncorrect = 0;
    int oov = 0;
    for (AnalogyQuestions.Section section : questions.sections()) {
      int correct = 0;
      int filled = 0;
      int evaluated = 0;
      List<AnalogyQuestions.Question> list = section.questions();
      for (int qi = 0; qi <= list.size(); qi++) {
        if (qi < list.size()) {
          AnalogyQuestions.Question q = list.get(qi);
          String[] keys = {
            vocab.key(q.a()), vocab.key(q.b()), vocab.key(q.c()), vocab.key(q.expected())
          };
          int a = vocab.row(keys[0]);
          int b = vocab.row(keys[1]);
          int c = vocab.row(keys[2]);
          if (a < 0 || b < 0 || c < 0 || vocab.row(keys[3]) < 0) {
            oov++;
            continue;
          }
          java.util.Arrays.fill(block, filled * d, (filled + 1) * d, 0f);
          index.addUnitRow(b, 1f, block, filled * d);
          index.addUnitRow(a, -1f, block, filled * d);
          index.addUnitRow(c, 1f, block, filled * d);
          excluded[3 * filled] = a;
          excluded[3 * filled + 1] = b;
          excluded[3 * filled + 2] = c;
          pending[filled++] = keys;
          if (filled < BLOCK) {
            continue;
          }
        }
        if (filled == 0) {
          continue;
        }
        // the query's length does not change the ranking, so it is not normalized
        index.search(block, filled, excluded, 3, tops);
        for (int k = 0; k < filled; k++) {
          if (isCorrect(vectors, vocab, tops[k].rowsBestFirst(), pending[k])) {
            correct++;
          }
        }
        evaluated += filled;
        filled = 0;
      }
      scores.add(new SectionScore(section.name(), correct, evaluated - correct));
      totalCorrect += correct;
      totalIncorrect += evaluated - correct;
    }
    return new AnalogyReport(
        scores,
        new SectionScore("Total accuracy", totalCorrect, totalIncorrect),
        questions.questionCount(),
        oov,
        restrictVocab,
        caseInsensitive);
  }

  /**
   * gensim's rule: walk the best candidates; the first whose key is none of a, b, c is the
   * prediction; if all are, the last one examined is (and is wrong unless it equals d).
   */
  private static boolean isCorrect(
      WordVectors vectors, EvalVocabulary vocab, int[] candidates, String[] keys) {
    String predicted = null;
    for (int row : candidates) {
      predicted = vocab.key(vectors.word(row));
      if (!predicted.equals(keys[0]) && !predicted.equals(keys[1]) && !predicted.equals(keys[2])) {
        break;
      }
    }
    return keys[3].equals(predicted);
  }
}
