package dev.w2v.core.plugin;

import dev.w2v.core.W2vException;

/** A provider was asked for by a name that no provider on the class path has. */
public final class UnknownProviderException extends W2vException {

  private static final long serialVersionUID = 1L;

  UnknownProviderException(String message) {
    super(message);
  }
}
