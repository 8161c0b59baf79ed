/**
 * Train and query word vectors from a JVM program.
 *
 * <pre>{@code
 * Model model = Word2Vec.builder()
 *     .dimension(100)
 *     .epochs(5)
 *     .build()
 *     .train(Path.of("corpus.txt"));            // a file or folder of text, one sentence a line
 * WordVectors vectors = model.vectors();
 * vectors.mostSimilar(List.of("king", "woman"), List.of("man"), 10);
 * vectors.save(Path.of("vectors.bin"), VectorFormat.BINARY);
 * WordVectors again = WordVectors.load(Path.of("vectors.bin"));   // text or binary, detected
 * }</pre>
 *
 * <p>{@link dev.w2v.library.Word2Vec} configures and runs training (the trainer, loss and sampler
 * by name, and every setting {@code w2v train} has); {@link dev.w2v.library.Model} is what it
 * returns, saved and loaded for continued training; {@link dev.w2v.library.WordVectors} answers
 * gensim's {@code KeyedVectors} queries and reads and writes word2vec files. {@code
 * docs/LIBRARY.md} is the guide.
 *
 * <h2>Stability</h2>
 *
 * <p>Every public type of this package is API: it changes only in a way that keeps programs
 * compiling and behaving as documented, except what is marked {@link dev.w2v.library.Experimental},
 * which may change in any release. Errors are {@link dev.w2v.core.W2vException}s with a message a
 * user can act on; that class and its subclasses {@link dev.w2v.core.query.UnknownWordException}
 * and {@link dev.w2v.core.train.TrainingCancelledException} belong to this API too. Every other
 * type under {@code dev.w2v.core} is internal: the library is built on it, but it may change in any
 * release without notice, so a program should not use it directly. Plugin authors compile against
 * {@code dev.w2v.api}, which states its own stability.
 *
 * <p>Thread safety: {@link dev.w2v.library.Word2Vec}, {@link dev.w2v.library.Model} and {@link
 * dev.w2v.library.WordVectors} are immutable and may be shared between threads; a builder may not.
 */
package dev.w2v.library;
