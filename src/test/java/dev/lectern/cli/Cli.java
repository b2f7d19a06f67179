package dev.lectern.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

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
}
