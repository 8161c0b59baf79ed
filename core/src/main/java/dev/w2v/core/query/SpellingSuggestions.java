package dev.w2v.core.query;

import dev.w2v.core.vectors.WordVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vocabulary words spelled closest to an unknown word, by Damerau-Levenshtein distance (the
 * optimal-string-alignment variant: insertions, deletions, substitutions and swaps of adjacent
 * characters each cost 1), compared case-insensitively. Ties go to the more frequent word.
 */
public final class SpellingSuggestions {

  private SpellingSuggestions() {}

  /** Up to {@code max} words of {@code vectors} nearest in spelling to {@code word}, best first. */
  public static List<String> nearest(WordVectors vectors, String word, int max) {
    if (max <= 0) {
      return List.of();
    }
    String target = word.toLowerCase(Locale.ROOT);
    int[] bestRows = new int[max];
    int[] bestDistances = new int[max];
    int kept = 0;
    for (int i = 0; i < vectors.size(); i++) {
      String candidate = vectors.word(i).toLowerCase(Locale.ROOT);
      int bound = kept < max ? Integer.MAX_VALUE : bestDistances[kept - 1];
      // the length difference is a lower bound on the distance: skip hopeless words cheaply
      if (Math.abs(candidate.length() - target.length()) >= bound) {
        continue;
      }
      int d = distance(target, candidate);
      if (d >= bound) {
        continue;
      }
      // insert after every kept word with distance <= d, so earlier (more frequent) rows win ties
      int at = kept < max ? kept : max - 1;
      while (at > 0 && bestDistances[at - 1] > d) {
        bestDistances[at] = bestDistances[at - 1];
        bestRows[at] = bestRows[at - 1];
        at--;
      }
      bestDistances[at] = d;
      bestRows[at] = i;
      kept = Math.min(max, kept + 1);
    }
    List<String> out = new ArrayList<>(kept);
    for (int k = 0; k < kept; k++) {
      out.add(vectors.word(bestRows[k]));
    }
    return out;
  }

  /**
   * Optimal string alignment distance between {@code a} and {@code b}: edits, with a swap of
   * neighbours counting as one. Also used for "did you mean" on configuration keys.
   */
  public static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[] prev2 = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }
}
