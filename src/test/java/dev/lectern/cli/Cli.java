package dev.lectern.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: runs the real command line on a data directory and keeps what it printed. */
record Cli(int code, String out, String err) {
  static Cli run(Path dataDir, String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = dataDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(code, out.toString(), err.toString());
  }

  /**
   * Imports the three-record arXiv snapshot sample into {@code dataDir}, with these extra import
   * options.
   */
  static void importSample(Path dataDir, String... options) {
    String sample;
    try {
      sample = Path.of(Cli.class.getResource("/arxiv/snapshot-sample.jsonl").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> args = new ArrayList<>(List.of("import", "arxiv-snapshot"));
    args.addAll(List.of(options));
    args.add(sample);
    Cli r = run(dataDir, args.toArray(String[]::new));
    if (r.code() != 0) throw new IllegalStateException("importing the sample failed: " + r.err());
  }

  /**
   * The real command line in a process of its own (for what depends on the process: its command
   * line, signals, environment), output and errors into {@code log}, with these environment
   * variables.
   */
  static Process inOwnProcess(Path dataDir, Path log, Map<String, String> env, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.lectern.cli.Main",
                "--data-dir",
                dataDir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    env.forEach(
        (k, v) -> {
          if (v == null) pb.environment().remove(k);
          else pb.environment().put(k, v);
        });
    return pb.start();
  }
}
