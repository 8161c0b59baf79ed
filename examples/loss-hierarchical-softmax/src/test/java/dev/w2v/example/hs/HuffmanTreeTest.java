package dev.w2v.example.hs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HuffmanTreeTest {

  private static String code(HuffmanTree tree, int word) {
    StringBuilder s = new StringBuilder();
    for (int i = tree.start(word); i < tree.start(word) + tree.length(word); i++) {
      s.append(tree.code(i));
    }
    return s.toString();
  }

  private static String path(HuffmanTree tree, int word) {
    StringBuilder s = new StringBuilder();
    for (int i = tree.start(word); i < tree.start(word) + tree.length(word); i++) {
      s.append(tree.point(i));
    }
    return s.toString();
  }

  @Test
  void matchesWord2vecCOnAHandCheckedVocabulary() {
    // Counts (given out of order on purpose): a=5, b=9, c=12, d=13, e=16, f=45.
    // Sorted: f45 e16 d13 c12 b9 a5 at positions 0..5; word2vec C merges the two smallest:
    //   node 6 = a5 + b9   = 14  (min1 a, min2 b: b gets bit 1)
    //   node 7 = c12 + d13 = 25  (d gets bit 1)
    //   node 8 = n6 + e16  = 30  (min1 n6 14, min2 e16: e gets bit 1)
    //   node 9 = n7 + n8   = 55  (n8 gets bit 1)
    //   node 10 = f45 + n9 = 100 (n9 gets bit 1); root 10
    // Inner node n is output row n - 6. Codes root first:
    //   f: 0 (row 4); a: 1,1,0,0 (rows 4,3,2,0); b: 1,1,0,1; c: 1,0,0 (rows 4,3,1); d: 1,0,1;
    //   e: 1,1,1 (rows 4,3,2).
    long[] counts = {12, 5, 45, 13, 9, 16}; // c a f d b e
    HuffmanTree tree = new HuffmanTree(counts);
    assertEquals("0", code(tree, 2));
    assertEquals("4", path(tree, 2));
    assertEquals("1100", code(tree, 1));
    assertEquals("4320", path(tree, 1));
    assertEquals("1101", code(tree, 4));
    assertEquals("100", code(tree, 0));
    assertEquals("431", path(tree, 0));
    assertEquals("101", code(tree, 3));
    assertEquals("111", code(tree, 5));
    assertEquals("432", path(tree, 5));
  }

  @Test
  void aSingleWordHasNoTree() {
    assertThrows(IllegalArgumentException.class, () -> new HuffmanTree(new long[] {3}));
  }
}
