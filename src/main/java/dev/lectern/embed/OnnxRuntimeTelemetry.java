package dev.lectern.embed;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns ONNX Runtime's telemetry off before its environment is created. Lectern is meant to be
 * private and offline, and the telemetry code of ONNX Runtime 1.29 on Linux also crashes the JVM (a
 * segmentation fault, no Java error) when it reads a process command line longer than about 4 KB,
 * as {@code lectern search} with a long pasted query has. The library reads {@code
 * ORT_DISABLE_TELEMETRY} from the process environment when its environment is created, too early
 * for its Java switch ({@code OrtEnvironment.setTelemetry}), so the variable is set in the process
 * itself, through the C library, unless the user set it already. The {@code ./lectern} launcher
 * sets it as well.
 */
final class OnnxRuntimeTelemetry {
  static final String VARIABLE = "ORT_DISABLE_TELEMETRY";
  private static final Logger log = LoggerFactory.getLogger(OnnxRuntimeTelemetry.class);

  private OnnxRuntimeTelemetry() {}

  /** The C library's environment calls. */
  private interface C extends Library {
    int setenv(String name, String value, int overwrite);
  }

  /**
   * Sets the variable for this process, unless it is set; a platform without a C library is left as
   * it is.
   */
  static void disable() {
    if (System.getenv(VARIABLE) != null) return;
    try {
      C c = Native.load("c", C.class);
      if (c.setenv(VARIABLE, "1", 0) != 0) log.debug("setenv({}) failed", VARIABLE);
    } catch (LinkageError | RuntimeException e) {
      log.debug(
          "could not set {} in this process ({}); set it in the environment",
          VARIABLE,
          e.toString());
    }
  }
}
