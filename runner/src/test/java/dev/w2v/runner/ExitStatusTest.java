package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The exit statuses README documents: 2 for what the user can fix, 3 for a fault of w2v. */
class ExitStatusTest {

  private final StringWriter text = new StringWriter();
  private final PrintWriter err = new PrintWriter(text);

  @Test
  void aUserErrorIsOneLineAndStatus2() {
    int status =
        W2v.report(
            new RuntimeException("wrapped", new W2vException("corpus x does not exist")),
            err,
            false);
    assertEquals(W2v.USER_ERROR, status);
    assertEquals("w2v: corpus x does not exist", text.toString().strip());
  }

  @Test
  void runningOutOfMemoryIsAdviceAndStatus2() {
    int status =
        W2v.report(
            new IllegalStateException("worker", new OutOfMemoryError("Java heap")), err, false);
    assertEquals(W2v.USER_ERROR, status);
    String line = text.toString().strip();
    assertTrue(line.startsWith("w2v: out of memory: "), line);
    assertTrue(line.contains("W2V_JAVA_OPTS=-Xmx"), line);
    assertFalse(line.contains("\n"), line);
  }

  @Test
  void anInternalErrorAsksForAReportAndIsStatus3() {
    int status = W2v.report(new IllegalArgumentException("k must be positive"), err, false);
    assertEquals(W2v.INTERNAL_ERROR, status);
    assertTrue(text.toString().contains("please report"), text.toString());
    assertTrue(text.toString().contains("--verbose"), text.toString());
    assertFalse(text.toString().contains("\tat "), "no stack trace without --verbose");
  }

  @Test
  void verboseAddsTheStackTrace() {
    W2v.report(new IllegalArgumentException("boom"), err, true);
    assertTrue(text.toString().contains("\tat "), text.toString());
  }
}
