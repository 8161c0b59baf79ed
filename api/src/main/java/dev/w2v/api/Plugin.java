package dev.w2v.api;

import java.util.List;
import java.util.Map;

/**
 * What every provider says about itself: a unique name, a one-line description and the parameters
 * it accepts.
 *
 * <p>Names match {@code [a-z0-9][a-z0-9-]*}; the configuration key of a parameter is {@code
 * <name>.<parameter>} (for example {@code negsampling.k}).
 */
public interface Plugin {

  /** The name users select this plugin by, such as {@code negsampling}. */
  String name();

  /** One line, shown by {@code w2v plugins}. */
  String description();

  /** Every parameter the factory accepts, with its default and meaning. */
  List<ParameterSpec> parameters();

  /**
   * This plugin's defaults for a trainer, when they differ from those of {@link #parameters()}:
   * parameter name to value. negsampling draws 10 negatives for the course's {@code cs224n} trainer
   * and word2vec C's 5 for the others. A value the user sets wins; none by default.
   *
   * @param trainer the trainer's name, such as {@code cs224n} or {@code fast}
   * @since API 1.1
   */
  default Map<String, Object> defaults(String trainer) {
    return Map.of();
  }
}
