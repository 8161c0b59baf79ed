"""Runs gensim on behalf of w2v's integration tests and prints results in a plain format.

Floats are printed as the hex of their float32 bits so that comparisons are exact.
Usage:
  gensim_bridge.py load PATH binary|text           -> "word<TAB>hex hex ..." per word
  gensim_bridge.py save OUT_TEXT OUT_BINARY SEED   -> writes random vectors in both formats,
                                                      then prints them like "load"
  gensim_bridge.py analogies PATH binary|text QUESTIONS RESTRICT
                                                   -> "section<TAB>name<TAB>correct<TAB>incorrect"
  gensim_bridge.py pairs PATH binary|text PAIRS    -> "pearson x", "spearman x", "oov_ratio x"
  gensim_bridge.py queries PATH binary|text QUERIES
                                                   -> one line per query of the QUERIES file:
      "most_similar<TAB>K<TAB>POS,POS<TAB>NEG,NEG" -> "word<TAB>similarity<TAB>word<TAB>..."
      "similarity<TAB>A<TAB>B"                     -> "similarity"
      "doesnt_match<TAB>W,W,W"                     -> "word"
    similarities printed with repr, words as they are.
"""
import sys

import numpy as np
from gensim.models import KeyedVectors


def dump(kv):
    bits = kv.vectors.astype(np.float32).view(np.uint32)
    out = sys.stdout
    for i, word in enumerate(kv.index_to_key):
        out.write(word + "\t" + " ".join("%08x" % b for b in bits[i]) + "\n")


def load(path, mode):
    return KeyedVectors.load_word2vec_format(path, binary=(mode == "binary"))


def word_list(field):
    return [w for w in field.split(",") if w]


def main(argv):
    cmd = argv[1]
    if cmd == "load":
        dump(load(argv[2], argv[3]))
    elif cmd == "save":
        rng = np.random.default_rng(int(argv[4]))
        words = ["w%d" % i for i in range(50)] + ["straße", "日本語", "Île"]
        kv = KeyedVectors(vector_size=9)
        scale = np.float32(10.0) ** rng.integers(-30, 30, size=(len(words), 9)).astype(np.float32)
        kv.add_vectors(words, (rng.standard_normal((len(words), 9)) * scale).astype(np.float32))
        kv.save_word2vec_format(argv[2], binary=False)
        kv.save_word2vec_format(argv[3], binary=True)
        dump(kv)
    elif cmd == "analogies":
        kv = load(argv[2], argv[3])
        _, sections = kv.evaluate_word_analogies(argv[4], restrict_vocab=int(argv[5]))
        for s in sections:
            print("section\t%s\t%d\t%d" % (s["section"], len(s["correct"]), len(s["incorrect"])))
    elif cmd == "pairs":
        kv = load(argv[2], argv[3])
        pearson, spearman, oov = kv.evaluate_word_pairs(argv[4])
        print("pearson %r" % float(pearson[0]))
        print("spearman %r" % float(spearman[0]))
        print("oov_ratio %r" % float(oov))
    elif cmd == "queries":
        sys.stdout.reconfigure(encoding="utf-8")
        kv = load(argv[2], argv[3])
        with open(argv[4], encoding="utf-8") as f:
            for line in f:
                q = line.rstrip("\n").split("\t")
                if q[0] == "most_similar":
                    found = kv.most_similar(
                        positive=word_list(q[2]), negative=word_list(q[3]), topn=int(q[1]))
                    print("\t".join("%s\t%r" % (w, float(s)) for w, s in found))
                elif q[0] == "similarity":
                    print(repr(float(kv.similarity(q[1], q[2]))))
                elif q[0] == "doesnt_match":
                    print(kv.doesnt_match(q[1].split(",")))
                else:
                    raise SystemExit("unknown query " + q[0])
    else:
        raise SystemExit("unknown command " + cmd)


if __name__ == "__main__":
    main(sys.argv)
