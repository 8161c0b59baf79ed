package dev.w2v.runner.train;

/** One trainer's whole run: read the corpus, train, write every output. */
public interface TrainingJob {

  /**
   * @param resume continue from the newest valid checkpoint in the output folder
   */
  void run(boolean resume);
}
