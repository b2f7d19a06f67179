package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OtherCoreTest {
  @Test
  void joinReturnsTheResultAndRethrowsTheFailureAsItWas() throws IOException {
    assertThat(OtherCore.start("t", () -> 42).join()).isEqualTo(42);
    assertThatThrownBy(
            () ->
                OtherCore.start(
                        "t",
                        () -> {
                          throw new IOException("disk gone");
                        })
                    .join())
        .isInstanceOf(IOException.class)
        .hasMessage("disk gone");
    assertThatThrownBy(
            () ->
                OtherCore.start(
                        "t",
                        () -> {
                          throw new IllegalStateException("closed");
                        })
                    .join())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("closed");
  }

  @Test
  void anInterruptedCallerStillWaitsForTheWorkAndKeepsItsInterrupt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    OtherCore<String> work =
        OtherCore.start(
            "t",
            () -> {
              release.await();
              finished.set(true);
              return "done";
            });
    Thread.currentThread().interrupt();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              release.countDown();
            });
    String result = work.join();
    assertThat(Thread.interrupted())
        .as("the caller's interrupt is kept (and cleared here)")
        .isTrue();
    assertThat(result).isEqualTo("done");
    assertThat(finished).isTrue();
  }

  @Test
  void alongsideReturnsBothSidesAndWaitsForTheOtherWhenThisSideFails() throws Exception {
    var both = OtherCore.alongside("t", () -> "there", () -> 7);
    assertThat(both.here()).isEqualTo(7);
    assertThat(both.there()).isEqualTo("there");

    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    Thread releaser =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    Thread.sleep(200);
                  } catch (InterruptedException ignored) {
                    // release now
                  }
                  release.countDown();
                });
    assertThatThrownBy(
            () ->
                OtherCore.alongside(
                    "t",
                    () -> {
                      release.await();
                      finished.set(true);
                      return "late";
                    },
                    () -> {
                      throw new IOException("here failed");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("here failed");
    assertThat(finished).as("the other side ran to its end before the failure went on").isTrue();
    releaser.join();
  }
}
