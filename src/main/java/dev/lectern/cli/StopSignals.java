package dev.lectern.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs a stop action on Ctrl-C (SIGINT), SIGTERM or SIGHUP before the JVM begins to shut down. A
 * shutdown hook would be too late: hooks run all at once, and ONNX Runtime's own hook frees its
 * native environment, so a model run still in flight crashes the JVM (SIGSEGV). Handled here first,
 * the work in flight finishes, the model closes while nothing uses it, and the command returns and
 * exits as usual. A second signal while stopping halts at once, which is as safe as a kill -9:
 * library and index repair themselves.
 */
final class StopSignals implements AutoCloseable {
  private static final String[] NAMES = {"INT", "TERM", "HUP"};
  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private final Thread fallback;

  private StopSignals(Runnable stop) {
    AtomicBoolean stopping = new AtomicBoolean();
    SignalHandler handler =
        signal -> {
          if (stopping.getAndSet(true)) Runtime.getRuntime().halt(128 + signal.getNumber());
          stop.run();
        };
    for (String name : NAMES) {
      try {
        Signal signal = new Signal(name);
        previous.add(Signal.handle(signal, handler));
        signals.add(signal);
      } catch (IllegalArgumentException e) {
        // not on this platform, or signals are left to the JVM (-Xrs): the shutdown hook below
        // remains
      }
    }
    if (signals.size() < NAMES.length) {
      fallback =
          new Thread(
              () -> {
                if (!stopping.getAndSet(true)) stop.run();
              },
              "lectern-stop");
      Runtime.getRuntime().addShutdownHook(fallback);
    } else {
      fallback = null;
    }
  }

  /** Runs {@code stop} (once) when the process is asked to stop, until closed. */
  static StopSignals onStop(Runnable stop) {
    return new StopSignals(stop);
  }

  /** Gives the signals back to the JVM: from now on they stop the process the usual way. */
  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) Signal.handle(signals.get(i), previous.get(i));
    if (fallback != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(fallback);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs, and its stop action is idempotent
      }
    }
  }
}
