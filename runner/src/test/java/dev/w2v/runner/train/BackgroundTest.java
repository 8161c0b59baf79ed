package dev.w2v.runner.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BackgroundTest {

  @Test
  void bothPiecesRunAtTheSameTimeAndBothHaveEndedOnReturn() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    AtomicBoolean backgroundDone = new AtomicBoolean();
    Runnable meet =
        () -> {
          bothStarted.countDown();
          try {
            // Each waits for the other: this returns only if they really run side by side.
            assertTrue(bothStarted.await(10, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        };
    Background.start(
            "test",
            () -> {
              meet.run();
              backgroundDone.set(true);
            })
        .alongside(meet);
    assertTrue(backgroundDone.get());
  }

  @Test
  void theBackgroundsFailureIsThrownUnchanged() {
    W2vException failure = new W2vException("cannot write loss.png");
    Background background =
        Background.start(
            "test",
            () -> {
              throw failure;
            });
    W2vException thrown = assertThrows(W2vException.class, () -> background.alongside(() -> {}));
    assertSame(failure, thrown);
  }

  @Test
  void theForegroundsFailureWinsAndKeepsTheOtherAsSuppressed() {
    W2vException first = new W2vException("cannot write vectors.txt");
    W2vException second = new W2vException("cannot write loss.png");
    Background background =
        Background.start(
            "test",
            () -> {
              throw second;
            });
    W2vException thrown =
        assertThrows(
            W2vException.class,
            () ->
                background.alongside(
                    () -> {
                      throw first;
                    }));
    assertSame(first, thrown);
    assertEquals(1, thrown.getSuppressed().length);
    assertSame(second, thrown.getSuppressed()[0]);
  }
}
