package dev.w2v.core;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void uncheckedFailuresAreThrownThemselves() {
    W2vException user = new W2vException("bad corpus");
    assertSame(
        user,
        assertThrows(W2vException.class, () -> Failures.rethrow(user, IllegalStateException::new)));
    OutOfMemoryError error = new OutOfMemoryError("heap");
    assertSame(
        error,
        assertThrows(
            OutOfMemoryError.class, () -> Failures.rethrow(error, IllegalStateException::new)));
  }

  @Test
  void aCheckedFailureIsWrappedForTheCallerToThrow() {
    IOException io = new IOException("disk");
    RuntimeException wrapped = Failures.rethrow(io, IllegalStateException::new);
    assertSame(IllegalStateException.class, wrapped.getClass());
    assertSame(io, wrapped.getCause());
  }
}
