package dev.w2v.core.train;

import dev.w2v.core.corpus.PreparedCorpus;
import dev.w2v.core.corpus.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records what a trainer tells its listener, for assertions. */
public class RecordingListener implements TrainingListener {

  public final List<Metric> metrics = Collections.synchronizedList(new ArrayList<>());
  public final List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
  public final List<Long> checkpoints = Collections.synchronizedList(new ArrayList<>());
  public final List<Path> files = Collections.synchronizedList(new ArrayList<>());
  public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  public final List<String> events = Collections.synchronizedList(new ArrayList<>());
  public TrainingPlan plan;
  public Progress last;
  public PreparedCorpus.CorpusStatistics statistics;

  @Override
  public void corpusPrepared(Vocabulary vocabulary, PreparedCorpus.CorpusStatistics s) {
    statistics = s;
    events.add("corpus");
  }

  @Override
  public void started(TrainingPlan plan) {
    this.plan = plan;
    events.add("started");
  }

  @Override
  public void progress(Progress p) {
    progress.add(p);
  }

  @Override
  public void metric(Metric m) {
    metrics.add(m);
  }

  @Override
  public void beforeCheckpoint(long position) {
    events.add("before " + position);
  }

  @Override
  public void checkpointed(long position, Path file) {
    checkpoints.add(position);
    files.add(file);
    events.add("checkpoint " + position);
  }

  @Override
  public void warning(String message) {
    warnings.add(message);
  }

  @Override
  public void finished(Progress p) {
    last = p;
    events.add("finished");
  }
}
