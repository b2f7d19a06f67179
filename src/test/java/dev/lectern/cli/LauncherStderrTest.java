package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The launcher's stderr filter (scripts/jvm-stderr.sh) over a real JVM started as ./lectern starts
 * it: the incubator-module warning is gone, the JVM's other warnings and the program's own output
 * are not.
 */
class LauncherStderrTest {
  private static String stderrOf(String javaOptions, String javaArgs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script =
        ". scripts/jvm-stderr.sh; exec '"
            + java
            + "' "
            + javaOptions
            + " --add-modules jdk.incubator.vector "
            + javaArgs
            + " 2> >(lectern_drop_incubator_warning)";
    Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  @Test
  void theIncubatorWarningIsDroppedAndNothingElse() throws Exception {
    String plain = stderrOf("", "-version");
    assertThat(plain).contains("version").doesNotContain("incubator");

    // a warning of the JVM's own, printed before the incubator one
    String warned = stderrOf("-Xverify:none", "-XshowSettings:properties -version");
    assertThat(warned)
        .contains("VM warning: Options -Xverify:none")
        .doesNotContain("Using incubator modules")
        .contains("java.home");
  }

  @Test
  void withoutTheFilterTheWarningIsThere() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-version")
            .redirectErrorStream(true)
            .start();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("WARNING: Using incubator modules: jdk.incubator.vector");
  }
}
