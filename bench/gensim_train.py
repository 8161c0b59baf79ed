"""Trains gensim's Word2Vec for bench/peers.sh and times its phases.

Usage: python3 gensim_train.py CORPUS VECTORS_OUT THREADS [SEED [MODEL]]
  SEED 1 by default; MODEL skipgram (default) or cbow. CBOW runs as word2vec C's -cbow 1: the
  mean of the context (cbow_mean=1) and a starting learning rate of 0.05.

Prints one line: "gensim vocabulary S s training S s words W" where W is the corpus's raw token
count, so that the caller divides tokens x epochs by the training time exactly as for the other
tools. The settings are word2vec C's as bench/peers.sh states them.
"""

import os
import sys
import time

from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence

EPOCHS = 5


def main():
    corpus, vectors, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    cbow = len(sys.argv) > 5 and sys.argv[5] == "cbow"
    alpha = 0.05 if cbow else 0.025
    model = Word2Vec(
        vector_size=100, window=5, negative=5, sample=1e-4, min_count=5, sg=0 if cbow else 1,
        cbow_mean=1, hs=0, alpha=alpha, min_alpha=alpha * 1e-4, epochs=EPOCHS, workers=threads,
        seed=seed)
    started = time.perf_counter()
    model.build_vocab(LineSentence(corpus))
    # An experiment of bench/QUALITY-RESEARCH.md: GENSIM_INIT_SCALE=0.5 gives word2vec C's
    # initial range, [-0.5/d, 0.5/d), instead of gensim 4's [-1/d, 1/d).
    model.wv.vectors *= float(os.environ.get("GENSIM_INIT_SCALE", "1"))
    counted = time.perf_counter()
    model.train(LineSentence(corpus), total_examples=model.corpus_count,
                total_words=model.corpus_total_words, epochs=EPOCHS)
    trained = time.perf_counter()
    model.wv.save_word2vec_format(vectors)
    print("gensim vocabulary %.2f s training %.2f s words %d"
          % (counted - started, trained - counted, model.corpus_total_words))


if __name__ == "__main__":
    main()
