package dev.lectern.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code lectern} command: one entry point for every job. */
@Command(
    name = "lectern",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    version = "Lectern 0.1.0",
    description = "Self-hosted research-paper discovery: import, search and follow papers.",
    usageHelpAutoWidth = true,
    subcommands = {
      ImportCommand.class,
      HarvestCommand.class,
      EmbedCommand.class,
      SearchCommand.class,
      SimilarCommand.class,
      ServeCommand.class,
      ReindexCommand.class,
      EvalCommand.class,
      EvalRecsCommand.class,
      StatsCommand.class,
      RunsCommand.class,
      BenchCommand.class,
      UsersCommand.class,
      DigestCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  @Option(
      names = "--data-dir",
      description = "Where the library lives (default ./lectern-data, or $LECTERN_HOME).")
  Path dataDir;

  @Option(
      names = "--config",
      description = "Configuration file (default ./lectern.conf when present).")
  Path config;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces and more detail.")
  boolean verbose;

  @Spec CommandSpec spec;

  /** Where commands read what they read from standard input (a password, for one). */
  java.io.InputStream in = System.in;

  private Lectern lectern;

  CommandSpec spec() {
    return spec;
  }

  /** The wired application, built on first use from the config file, environment and flags. */
  Lectern lectern() {
    if (lectern == null) lectern = new Lectern(settings());
    return lectern;
  }

  /** The settings, from the config file, environment and flags, without opening the library. */
  Settings settings() {
    Map<String, String> flags = new HashMap<>();
    if (dataDir != null) flags.put(Settings.DATA_DIR, dataDir.toString());
    return Settings.load(config, System.getenv(), flags);
  }

  /**
   * Lucene announces at INFO which vector implementation it uses; users need not read that each
   * run.
   */
  private static final java.util.logging.Logger LUCENE_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(
        run(
            args,
            new PrintWriter(System.out, true, UTF_8),
            new PrintWriter(System.err, true, UTF_8)));
  }

  /**
   * Runs the command line and returns the exit code; errors print as one clear line unless
   * --verbose.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, System.in);
  }

  /** {@link #run(String[], PrintWriter, PrintWriter)} with standard input from {@code in}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, java.io.InputStream in) {
    Main main = new Main();
    main.in = in;
    CommandLine cl = new CommandLine(main);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (main.verbose) e.printStackTrace(err);
          else err.println("lectern: " + messageOf(e) + "  (--verbose shows details)");
          err.flush();
          return 1;
        });
    cl.setParameterExceptionHandler(Main::badCommandLine);
    // '-hallucination' in a query would otherwise read as -h (help) plus more, '-Vision' as -V
    // (version)
    cl.setPosixClusteredShortOptionsAllowed(false);
    try {
      return cl.execute(args);
    } finally {
      if (main.lectern != null) main.lectern.close();
      out.flush();
      err.flush();
    }
  }

  /**
   * A command line picocli cannot parse: the error and where help is, not the whole usage, which
   * buried the one line that matters. A search query starting with '-' (an exclusion) reads as an
   * unknown option, so that error says how to pass it.
   */
  private static int badCommandLine(CommandLine.ParameterException ex, String[] args) {
    CommandLine c = ex.getCommandLine();
    PrintWriter err = c.getErr();
    String command = c.getCommandSpec().qualifiedName();
    err.println("lectern: " + ex.getMessage());
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      // an exclusion is '-word'; '--word' is a misspelt option, for which picocli suggests the near
      // ones
      if (c.getCommand() instanceof SearchCommand
          && u.getUnmatched().stream().anyMatch(a -> a.startsWith("-") && !a.startsWith("--"))) {
        err.println(
            "A query that starts with '-' goes after '--', as in: "
                + SearchCommand.withQueryAfterDashes(c.getCommandSpec(), args));
      } else {
        CommandLine.UnmatchedArgumentException.printSuggestions(u, err);
      }
    }
    err.println("'" + command + " --help' shows the usage.");
    err.flush();
    return c.getCommandSpec().exitCodeOnInvalidInput();
  }

  static String messageOf(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
