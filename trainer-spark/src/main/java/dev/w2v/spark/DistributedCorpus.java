package dev.w2v.spark;

import static org.apache.spark.sql.functions.col;

import dev.w2v.core.W2vException;
import dev.w2v.core.corpus.CorpusFormat;
import dev.w2v.core.corpus.CorpusSource;
import dev.w2v.core.corpus.EncodedCorpus;
import dev.w2v.core.corpus.PreparedCorpus.CorpusStatistics;
import dev.w2v.core.corpus.Vocabulary;
import dev.w2v.core.corpus.WordCounter;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The shared pipeline's front, distributed: the corpus read where Spark reads it ({@code file:},
 * {@code hdfs:}, {@code s3a:}; files or folders; {@code .gz}), counted by the tasks, its vocabulary
 * built on the driver exactly as a local run builds it, then encoded by the tasks and laid out as
 * {@code partitions} contiguous, sentence-aligned shares held in memory by the executors.
 *
 * <p>The layout depends only on the corpus and the number of partitions, never on how Spark split
 * the files or how many cores ran the scan: the splits are put back in the order a local run reads
 * the files (the paths as given, a folder's files in path order), and the shares are cut from that
 * order. So the vocabulary equals the fast trainer's (count descending, ties by first position),
 * and a seed and a number of partitions fix a run's result on any cluster.
 */
final class DistributedCorpus {

  /**
   * The prepared corpus.
   *
   * @param vocabulary the words kept, most frequent first
   * @param shares one {@code int[]} per partition: word indices and {@link EncodedCorpus#END}
   * @param sliceWords for each partition, the words of each round's slice of it
   * @param statistics what the counting pass saw
   */
  record Prepared(
      Vocabulary vocabulary,
      JavaRDD<int[]> shares,
      long[][] sliceWords,
      CorpusStatistics statistics) {

    /** Words of the whole corpus (one epoch). */
    long words() {
      long n = 0;
      for (long[] partition : sliceWords) {
        for (long w : partition) {
          n += w;
        }
      }
      return n;
    }
  }

  private DistributedCorpus() {}

  /**
   * Reads, counts, builds the vocabulary, encodes and lays out {@code corpus}.
   *
   * @throws W2vException if a path cannot be read or the corpus holds no word to keep
   */
  static Prepared prepare(
      SparkSession spark,
      CorpusSource corpus,
      int minCount,
      int maxVocab,
      int partitions,
      int rounds) {
    try {
      return read(spark, corpus, minCount, maxVocab, partitions, rounds);
    } catch (Exception e) {
      throw unwrap(e);
    }
  }

  /**
   * A task's failure as the user should see it: Spark wraps what a task threw (such as invalid
   * UTF-8 in a file) in its own exception, whose message is a page of stack trace.
   */
  static RuntimeException unwrap(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof W2vException w) {
        return w;
      }
    }
    return failure instanceof RuntimeException r
        ? r
        : new IllegalStateException(String.valueOf(failure.getMessage()), failure);
  }

  private static Prepared read(
      SparkSession spark,
      CorpusSource corpus,
      int minCount,
      int maxVocab,
      int partitions,
      int rounds) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = sc.hadoopConfiguration();
    List<String> roots = roots(corpus, conf);
    JavaRDD<Row> rows = rows(spark, roots);
    Broadcast<HadoopConf> hadoop = sc.broadcast(new HadoopConf(conf));
    CorpusFormat format = corpus.format();
    boolean lowercase = corpus.lowercase();

    // 1. Count: each task counts its splits with core's counter.
    JavaRDD<PartitionCount> counts =
        rows.mapPartitions(
                it ->
                    List.of(
                            PartitionCount.of(
                                it, format, lowercase, hadoop.value(), maxVocab, roots))
                        .iterator())
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<Tuple2<List<SplitCount>, Integer>> summaries =
        counts.map(c -> new Tuple2<>(c.splits(), c.prunings())).collect();
    List<List<SplitCount>> splitsByPartition = new ArrayList<>();
    int prunings = 0;
    for (Tuple2<List<SplitCount>, Integer> summary : summaries) {
      splitsByPartition.add(summary._1());
      prunings = Math.max(prunings, summary._2());
    }
    SplitOrder order = SplitOrder.of(splitsByPartition, roots);
    if (order.tokens() == 0) {
      throw new W2vException(corpus + " holds no words; give a corpus with text in it");
    }
    Broadcast<long[][]> firstPositions = sc.broadcast(order.globalStarts(splitsByPartition));
    // Each word's count and first position over all tasks; only the frequent ones come back.
    List<Tuple2<Long, List<Vocabulary.Counted>>> reduced =
        counts
            .mapPartitionsWithIndex(
                (index, it) -> {
                  List<Tuple2<String, long[]>> out = new ArrayList<>();
                  long[] globalStarts = firstPositions.value()[index];
                  while (it.hasNext()) {
                    it.next().emitGlobal(globalStarts, out);
                  }
                  return out.iterator();
                },
                true)
            .mapToPair(t -> t)
            .reduceByKey((a, b) -> new long[] {a[0] + b[0], Math.min(a[1], b[1])})
            .mapPartitions(
                it -> {
                  long distinctHere = 0;
                  List<Vocabulary.Counted> frequent = new ArrayList<>();
                  while (it.hasNext()) {
                    Tuple2<String, long[]> t = it.next();
                    distinctHere++;
                    if (t._2()[0] >= minCount) {
                      frequent.add(new Vocabulary.Counted(t._1(), t._2()[0], t._2()[1]));
                    }
                  }
                  return List.of(new Tuple2<>(distinctHere, frequent)).iterator();
                })
            .collect();
    long distinct = 0;
    List<Vocabulary.Counted> kept = new ArrayList<>();
    for (Tuple2<Long, List<Vocabulary.Counted>> part : reduced) {
      distinct += part._1();
      kept.addAll(part._2());
    }
    counts.unpersist(false);
    firstPositions.destroy(false);
    if (kept.isEmpty()) {
      throw new W2vException(
          "no word occurs at least "
              + minCount
              + " times in the corpus ("
              + order.tokens()
              + " tokens, "
              + distinct
              + " distinct words): lower min-count or use a larger corpus");
    }
    Vocabulary vocabulary = Vocabulary.byFrequency(new ArrayList<>(kept), minCount);

    // 2. Encode: each task turns its splits into word indices, each split keyed by its rank.
    Broadcast<Vocabulary> words = sc.broadcast(vocabulary);
    Broadcast<Map<SplitReader.Split, Integer>> ranks = sc.broadcast(order.ranks());
    JavaPairRDD<Integer, int[]> encoded =
        rows.mapPartitionsToPair(
                it -> {
                  List<Tuple2<Integer, int[]>> out = new ArrayList<>();
                  SplitReader reader = new SplitReader(it, format, lowercase, hadoop.value());
                  while (reader.nextSplit()) {
                    EncodedCorpus e =
                        EncodedCorpus.encode(reader.source(), words.value(), Long.MAX_VALUE);
                    int[] ints = new int[Math.toIntExact(e.size())];
                    for (int i = 0; i < ints.length; i++) {
                      ints[i] = e.get(i);
                    }
                    out.add(new Tuple2<>(ranks.value().get(reader.split()), ints));
                  }
                  return out.iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<Tuple2<Integer, Integer>> sizes =
        encoded.mapToPair(t -> new Tuple2<>(t._1(), t._2().length)).collect();
    long[] offsets = new long[order.splits() + 1];
    for (Tuple2<Integer, Integer> s : sizes) {
      offsets[s._1() + 1] = s._2();
    }
    for (int i = 0; i < order.splits(); i++) {
      offsets[i + 1] += offsets[i];
    }

    // 3. Lay out: contiguous shares of the corpus in file order, cut at sentence starts.
    Broadcast<long[]> splitOffsets = sc.broadcast(offsets);
    int p = partitions;
    JavaRDD<int[]> shares =
        encoded
            .flatMapToPair(t -> cut(t._1(), t._2(), splitOffsets.value(), p).iterator())
            .repartitionAndSortWithinPartitions(new SharePartitioner(p))
            .mapPartitions(it -> List.of(concatenate(it)).iterator(), true)
            .persist(StorageLevel.MEMORY_AND_DISK());
    long[][] sliceWords =
        shares.map(share -> Slices.words(share, rounds)).collect().toArray(new long[0][]);
    encoded.unpersist(false);
    splitOffsets.destroy(false);
    ranks.destroy(false);
    words.destroy(false);
    hadoop.destroy(false);
    long trainingWords = Arrays.stream(sliceWords).flatMapToLong(Arrays::stream).sum();
    return new Prepared(
        vocabulary,
        shares,
        sliceWords,
        new CorpusStatistics(
            order.tokens(), order.sentences(), distinct, prunings, trainingWords, false));
  }

  /**
   * The corpus paths as URIs Spark reads, each checked to exist: a path without a scheme is a local
   * path (as for every other trainer), whatever the cluster's default file system.
   */
  private static List<String> roots(CorpusSource corpus, Configuration conf) {
    if (corpus.paths().isEmpty()) {
      throw new W2vException(
          "the spark trainer reads files, not sentences held by the program; write them to a file"
              + " and give its path");
    }
    List<String> roots = new ArrayList<>();
    for (String given : corpus.paths()) {
      if (given.equals(CorpusSource.STDIN)) {
        throw new W2vException(
            "the spark trainer cannot read standard input (-); give --corpus a file or folder");
      }
      String uri =
          given.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")
              ? given
              : java.nio.file.Path.of(given).toAbsolutePath().normalize().toUri().toString();
      try {
        Path path = new Path(new URI(uri));
        FileSystem fs = path.getFileSystem(conf);
        if (!fs.exists(path)) {
          throw new W2vException("corpus " + given + " does not exist; check --corpus");
        }
        roots.add(fs.makeQualified(path).toUri().toString());
      } catch (UnsupportedFileSystemException e) {
        throw new W2vException(
            "cannot read corpus "
                + given
                + ": Spark has no file system for '"
                + uri.substring(0, uri.indexOf(':'))
                + ":' on its class path (s3a: needs hadoop-aws and its SDK)");
      } catch (URISyntaxException e) {
        throw new W2vException(
            "corpus " + given + " is not a valid path or URI: " + e.getMessage());
      } catch (IOException e) {
        throw new W2vException("cannot read corpus " + given + ": " + e.getMessage());
      }
    }
    return roots;
  }

  /** Every line as (its raw bytes, its file, the start of its split), by Spark's file scan. */
  private static JavaRDD<Row> rows(SparkSession spark, List<String> roots) {
    try {
      return spark
          .read()
          .option("recursiveFileLookup", "true")
          .text(roots.toArray(new String[0]))
          .select(
              col("value").cast("binary"),
              col("_metadata.file_path"),
              col("_metadata.file_block_start"))
          .javaRDD();
    } catch (Exception e) {
      // Scala's AnalysisException is checked in Java's eyes but undeclared.
      if (e instanceof AnalysisException) {
        throw new W2vException("cannot read the corpus: " + e.getMessage());
      }
      throw e;
    }
  }

  /**
   * The pieces of split {@code rank} that fall in each share: share {@code s} starts at the first
   * sentence start at or after {@code s * N / partitions}. Every split starts with a sentence, so
   * each piece's share is known from the split alone.
   */
  static List<Tuple2<Long, int[]>> cut(int rank, int[] ints, long[] offsets, int partitions) {
    long total = offsets[offsets.length - 1];
    long from = offsets[rank];
    long to = from + ints.length;
    List<Tuple2<Long, int[]>> pieces = new ArrayList<>();
    int share = 0;
    while (share + 1 < partitions && cutAt(share + 1, total, partitions) < from) {
      share++;
    }
    int start = 0;
    while (true) {
      int end = ints.length;
      int nextShare = share + 1;
      if (nextShare < partitions) {
        long cut = cutAt(nextShare, total, partitions);
        if (cut < to) {
          end = Slices.sentenceStartAtOrAfter(ints, 0, ints.length, (int) Math.max(0, cut - from));
        }
      }
      if (end > start) {
        pieces.add(new Tuple2<>(((long) share << 32) | rank, Arrays.copyOfRange(ints, start, end)));
      }
      if (end == ints.length) {
        return pieces;
      }
      start = end;
      share = nextShare;
    }
  }

  private static long cutAt(int share, long total, int partitions) {
    return Math.multiplyExact(total, (long) share) / partitions;
  }

  private static int[] concatenate(Iterator<Tuple2<Long, int[]>> pieces) {
    List<int[]> parts = new ArrayList<>();
    long n = 0;
    while (pieces.hasNext()) {
      int[] part = pieces.next()._2();
      parts.add(part);
      n += part.length;
    }
    if (n > Integer.MAX_VALUE - 16) {
      throw new W2vException(
          "a share of the corpus holds "
              + n
              + " positions, more than a Java array: raise partitions");
    }
    int[] out = new int[(int) n];
    int at = 0;
    for (int[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  /** Sends a piece, keyed {@code share << 32 | split rank}, to its share. */
  static final class SharePartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    SharePartitioner(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return (int) (((Long) key) >>> 32);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SharePartitioner s && s.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return partitions;
    }
  }

  /**
   * What one task's counting saw of one split.
   *
   * @param localStart tokens the task counted before this split
   */
  record SplitCount(SplitReader.Split split, long localStart, long tokens, long sentences)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * One task's counts: its splits, and each word with its count and where it first occurs (a split
   * of this task and the position in it). A task's splits need not come in the files' order, so
   * "first" is decided by the splits' order in the whole corpus, not by the order they were read.
   */
  static final class PartitionCount implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<SplitCount> splits;
    private final String[] words;
    private final long[] counts;
    private final int[] firstSplits;
    private final long[] firsts;
    private final int prunings;

    private PartitionCount(
        List<SplitCount> splits,
        String[] words,
        long[] counts,
        int[] firstSplits,
        long[] firsts,
        int prunings) {
      this.splits = splits;
      this.words = words;
      this.counts = counts;
      this.firstSplits = firstSplits;
      this.firsts = firsts;
      this.prunings = prunings;
    }

    /**
     * Counts every split with core's counter, then merges them: counts add up, and a word's first
     * occurrence is the one in the split that comes first in the corpus. Beyond {@code maxVocab}
     * words the rarest are pruned, as the counter itself prunes.
     */
    static PartitionCount of(
        Iterator<Row> rows,
        CorpusFormat format,
        boolean lowercase,
        HadoopConf hadoop,
        int maxVocab,
        List<String> roots) {
      List<SplitCount> splits = new ArrayList<>();
      Map<String, long[]> merged = new HashMap<>();
      Comparator<SplitReader.Split> order = SplitOrder.comparator(roots);
      int prunings = 0;
      long minReduce = 1;
      long tokens = 0;
      SplitReader reader = new SplitReader(rows, format, lowercase, hadoop);
      while (reader.nextSplit()) {
        WordCounter counter = new WordCounter(maxVocab);
        reader.source().read(counter);
        int index = splits.size();
        SplitReader.Split split = reader.split();
        splits.add(new SplitCount(split, tokens, counter.tokens(), counter.sentences()));
        tokens += counter.tokens();
        prunings += counter.prunings();
        for (Vocabulary.Counted c : counter.counted()) {
          long[] entry = merged.get(c.word());
          if (entry == null) {
            merged.put(c.word(), new long[] {c.count(), index, c.firstPosition()});
          } else {
            entry[0] += c.count();
            if (order.compare(split, splits.get((int) entry[1]).split()) < 0) {
              entry[1] = index;
              entry[2] = c.firstPosition();
            }
          }
        }
        while (merged.size() > maxVocab) {
          long threshold = minReduce++;
          merged.values().removeIf(e -> e[0] <= threshold);
          prunings++;
        }
      }
      String[] words = new String[merged.size()];
      long[] counts = new long[words.length];
      int[] firstSplits = new int[words.length];
      long[] firsts = new long[words.length];
      int i = 0;
      for (Map.Entry<String, long[]> e : merged.entrySet()) {
        words[i] = e.getKey();
        counts[i] = e.getValue()[0];
        firstSplits[i] = (int) e.getValue()[1];
        firsts[i] = e.getValue()[2];
        i++;
      }
      return new PartitionCount(splits, words, counts, firstSplits, firsts, prunings);
    }

    List<SplitCount> splits() {
      return splits;
    }

    int prunings() {
      return prunings;
    }

    /**
     * Each word with its count and its first position in the whole corpus, from {@code
     * globalStarts}: the global position of each of this task's splits, in the task's order.
     */
    void emitGlobal(long[] globalStarts, List<Tuple2<String, long[]>> out) {
      for (int i = 0; i < words.length; i++) {
        out.add(
            new Tuple2<>(
                words[i], new long[] {counts[i], globalStarts[firstSplits[i]] + firsts[i]}));
      }
    }
  }

  /** The splits in the order a local run reads the files, with their global token positions. */
  static final class SplitOrder {
    private final Map<SplitReader.Split, Integer> ranks;
    private final Map<SplitReader.Split, Long> starts;
    private final long tokens;
    private final long sentences;

    private SplitOrder(
        Map<SplitReader.Split, Integer> ranks,
        Map<SplitReader.Split, Long> starts,
        long tokens,
        long sentences) {
      this.ranks = ranks;
      this.starts = starts;
      this.tokens = tokens;
      this.sentences = sentences;
    }

    /** The order of the splits in the corpus: the paths as given, then path, then offset. */
    static Comparator<SplitReader.Split> comparator(List<String> roots) {
      return Comparator.comparingInt((SplitReader.Split s) -> rootOf(s.path(), roots))
          .thenComparing(s -> normalise(s.path()))
          .thenComparingLong(SplitReader.Split::start);
    }

    static SplitOrder of(List<List<SplitCount>> byPartition, List<String> roots) {
      List<SplitCount> all = new ArrayList<>();
      byPartition.forEach(all::addAll);
      Comparator<SplitReader.Split> order = comparator(roots);
      all.sort((a, b) -> order.compare(a.split(), b.split()));
      Map<SplitReader.Split, Integer> ranks = new HashMap<>();
      Map<SplitReader.Split, Long> starts = new HashMap<>();
      long position = 0;
      long sentences = 0;
      for (SplitCount s : all) {
        if (ranks.put(s.split(), ranks.size()) != null) {
          throw new IllegalStateException("split " + s.split() + " was read twice");
        }
        starts.put(s.split(), position);
        position += s.tokens();
        sentences += s.sentences();
      }
      return new SplitOrder(ranks, starts, position, sentences);
    }

    /** For each task, the global token position of each of its splits, in its order. */
    long[][] globalStarts(List<List<SplitCount>> byPartition) {
      long[][] out = new long[byPartition.size()][];
      for (int p = 0; p < out.length; p++) {
        List<SplitCount> splits = byPartition.get(p);
        out[p] = new long[splits.size()];
        for (int s = 0; s < splits.size(); s++) {
          out[p][s] = starts.get(splits.get(s).split());
        }
      }
      return out;
    }

    Map<SplitReader.Split, Integer> ranks() {
      return ranks;
    }

    int splits() {
      return ranks.size();
    }

    long tokens() {
      return tokens;
    }

    long sentences() {
      return sentences;
    }

    /** Which of the given paths a file is under: the paths are read in the order given. */
    private static int rootOf(String file, List<String> roots) {
      String path = normalise(file);
      for (int i = 0; i < roots.size(); i++) {
        String root = normalise(roots.get(i));
        if (path.equals(root) || path.startsWith(root.endsWith("/") ? root : root + "/")) {
          return i;
        }
      }
      return roots.size();
    }

    /** scheme://authority/decoded-path, whichever way Spark or Hadoop wrote the URI. */
    static String normalise(String uri) {
      try {
        URI u = new URI(uri);
        return (u.getScheme() == null ? "file" : u.getScheme())
            + "://"
            + (u.getAuthority() == null ? "" : u.getAuthority())
            + u.getPath();
      } catch (URISyntaxException e) {
        return uri;
      }
    }
  }
}
