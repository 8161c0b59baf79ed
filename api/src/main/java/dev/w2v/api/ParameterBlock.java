package dev.w2v.api;

import java.util.Objects;

/**
 * A block of a loss's own trainable parameters (see {@link Loss#extraParameters()}): a flat array
 * of {@code size} floats that trainers allocate, update and checkpoint.
 *
 * @param name what it is, for messages and checkpoints, such as {@code bias}
 * @param size how many floats, such as the vocabulary size for a bias per word
 * @param initialValue every float's value before training
 * @since API 1.1
 */
public record ParameterBlock(String name, int size, float initialValue) {

  /** Checks the name and the size. */
  public ParameterBlock {
    Objects.requireNonNull(name, "name");
    if (size < 0) {
      throw new IllegalArgumentException("parameter block " + name + " has a negative size");
    }
    if (!Float.isFinite(initialValue)) {
      throw new IllegalArgumentException("parameter block " + name + " starts non-finite");
    }
  }
}
