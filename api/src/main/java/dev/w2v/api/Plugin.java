package dev.w2v.api;

import java.util.List;

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
}
