package dev.lectern.app;

import dev.lectern.store.IoReasons;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Lectern's configuration: a file ({@code lectern.conf}, Java properties syntax), then {@code
 * LECTERN_*} environment variables, then command-line flags, each overriding the one before. Every
 * setting has a default, so Lectern runs with none. The variable for key {@code
 * harvest.arxiv.delay} is {@code LECTERN_HARVEST_ARXIV_DELAY}.
 */
public final class Settings {
  public static final String DATA_DIR = "data-dir";
  public static final String DATABASE_URL = "database.url";
  public static final String IMPORT_BATCH_SIZE = "import.batch-size";
  public static final String ARXIV_OAI_URL = "harvest.arxiv.base-url";
  public static final String ARXIV_OAI_DELAY = "harvest.arxiv.delay";
  public static final String HF_BASE_URL = "harvest.hf.base-url";
  public static final String HF_DELAY = "harvest.hf.delay";
  public static final String HTTP_RETRIES = "harvest.retries";
  public static final String HARVEST_ENABLED = "harvest.enabled";
  public static final String HARVEST_CATEGORIES = "harvest.arxiv.categories";
  public static final String HARVEST_FIRST_DAYS = "harvest.first-days";
  public static final String HARVEST_DAILY = "harvest.daily.enabled";
  public static final String HARVEST_DAILY_TIME = "harvest.daily.time";
  public static final String HARVEST_DAILY_ZONE = "harvest.daily.zone";
  public static final String HARVEST_DAILY_DAYS = "harvest.daily.days";
  public static final String SERVER_PORT = "server.port";
  public static final String SERVER_HOST = "server.host";
  public static final String SERVER_PUBLIC_URL = "server.public-url";
  public static final String SERVER_FOLLOW_INTERVAL = "server.follow-interval";
  public static final String SERVER_PRELOAD_INDEX = "server.preload-index";
  public static final String SERVER_WARMUP_PAPERS = "server.warmup-papers";
  public static final String EMBED_QUERY_THREADS = "embed.query-threads";
  public static final String USERS_MODE = "users.mode";
  public static final String USERS_SIGNUP = "users.signup";
  public static final String USERS_SESSION_LIFETIME = "users.session-lifetime";
  public static final String RECOMMEND_WINDOW_DAYS = "recommend.window-days";
  public static final String MAIL_HOST = "mail.host";
  public static final String MAIL_PORT = "mail.port";
  public static final String MAIL_USER = "mail.user";
  public static final String MAIL_PASSWORD = "mail.password";
  public static final String MAIL_FROM = "mail.from";
  public static final String MAIL_SECURITY = "mail.security";
  public static final String MAIL_BASE_URL = "mail.base-url";
  public static final String MAIL_PAUSE = "mail.pause";

  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry(DATA_DIR, "lectern-data"),
          Map.entry(IMPORT_BATCH_SIZE, "5000"),
          Map.entry(ARXIV_OAI_URL, "https://oaipmh.arxiv.org/oai"),
          Map.entry(ARXIV_OAI_DELAY, "3s"),
          Map.entry(HF_BASE_URL, "https://huggingface.co"),
          Map.entry(HF_DELAY, "1s"),
          Map.entry(HTTP_RETRIES, "5"),
          // serve harvests on its first start (an empty library) and daily; --no-harvest: false
          Map.entry(HARVEST_ENABLED, "true"),
          Map.entry(HARVEST_CATEGORIES, "cs.LG, cs.CL, cs.CV, cs.AI, stat.ML"),
          // how far back the first harvest reaches, and any harvest of a set never harvested
          Map.entry(HARVEST_FIRST_DAYS, "3"),
          // just after arXiv's announcement (20:00 US Eastern, Sunday to Thursday)
          Map.entry(HARVEST_DAILY, "true"),
          Map.entry(HARVEST_DAILY_TIME, "20:30"),
          Map.entry(HARVEST_DAILY_ZONE, "America/New_York"),
          Map.entry(HARVEST_DAILY_DAYS, "sun-thu"),
          Map.entry(SERVER_PORT, "8080"),
          // this machine only unless the host is set: single-user mode has no sign-in
          Map.entry(SERVER_HOST, "127.0.0.1"),
          // the address readers reach this Lectern at, for absolute links (feeds, invites, mails)
          // behind a proxy; empty: each request's own (its Host header)
          Map.entry(SERVER_PUBLIC_URL, ""),
          Map.entry(SERVER_FOLLOW_INTERVAL, "5s"),
          // serve loads the whole index into memory at start (see LuceneIndex.Residency); off for a
          // machine
          // with less free memory than the index
          Map.entry(SERVER_PRELOAD_INDEX, "true"),
          // serve searches this many random papers' titles at start, so users' first searches run
          // compiled
          // code (see SearchWarmup); 0: none
          Map.entry(SERVER_WARMUP_PAPERS, "2000"),
          // threads that embed one query, in a session of its own; 0: every core
          Map.entry(EMBED_QUERY_THREADS, "0"),
          // single: no sign-in, one implicit user; multi: accounts (see docs/accounts.md)
          Map.entry(USERS_MODE, "single"),
          // multi-user mode: invite (an admin makes a code for each new account) or open
          Map.entry(USERS_SIGNUP, "invite"),
          // a session lasts this long after it was last used
          Map.entry(USERS_SESSION_LIFETIME, "30d"),
          // "For you" ranks the papers of this many days up to the newest
          Map.entry(RECOMMEND_WINDOW_DAYS, "7"),
          // the SMTP server of digests; none (empty): digests are not sent, only --dry-run shows
          Map.entry(MAIL_HOST, ""),
          Map.entry(MAIL_PORT, "587"),
          // empty: a server that takes mail without signing in
          Map.entry(MAIL_USER, ""),
          Map.entry(MAIL_PASSWORD, ""),
          Map.entry(MAIL_FROM, "Lectern <lectern@localhost>"),
          // none, starttls (required, so a password never goes in the clear) or ssl (port 465)
          Map.entry(MAIL_SECURITY, "starttls"),
          // where the links in a digest point; empty: server.public-url, else this machine's port
          Map.entry(MAIL_BASE_URL, ""),
          // between two digests of a run, to be gentle with the mail server
          Map.entry(MAIL_PAUSE, "1s"));

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = values;
  }

  /**
   * @param configFile the file to read, or null to read {@code ./lectern.conf} when it exists
   * @param env the environment ({@code System.getenv()})
   * @param flags settings given on the command line
   */
  public static Settings load(Path configFile, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> merged = new HashMap<>(DEFAULTS);
    String fromEnv = env.get("LECTERN_CONFIG");
    boolean named = configFile != null || fromEnv != null && !fromEnv.isBlank();
    Path file =
        configFile != null ? configFile : named ? Path.of(fromEnv.trim()) : Path.of("lectern.conf");
    // a file the user named must exist (a typo would otherwise run with the defaults, unnoticed)
    if (named || Files.exists(file)) {
      merged.putAll(
          readFile(file, configFile == null && named ? " (named by $LECTERN_CONFIG)" : ""));
    }
    for (String key : knownKeys(merged)) {
      String v = env.get(envName(key));
      if (v != null && !v.isBlank()) merged.put(key, v.trim());
    }
    // LECTERN_HOME is the conventional name for where Lectern keeps its data.
    if (!env.containsKey(envName(DATA_DIR))
        && env.get("LECTERN_HOME") != null
        && !flags.containsKey(DATA_DIR)) {
      merged.put(DATA_DIR, env.get("LECTERN_HOME"));
    }
    flags.forEach(
        (k, v) -> {
          if (v != null) merged.put(k, v);
        });
    return new Settings(Map.copyOf(merged));
  }

  public static Settings defaults() {
    return new Settings(Map.copyOf(DEFAULTS));
  }

  /** These settings with {@code key} set to {@code value}. */
  public Settings with(String key, String value) {
    Map<String, String> changed = new HashMap<>(values);
    changed.put(key, value);
    return new Settings(Map.copyOf(changed));
  }

  public static String envName(String key) {
    return "LECTERN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public String get(String key) {
    String v = values.get(key);
    if (v == null) throw new ConfigException("no setting '" + key + "'");
    return v;
  }

  public String getOrNull(String key) {
    return values.get(key);
  }

  public int getInt(String key) {
    try {
      return Integer.parseInt(get(key).trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "setting '" + key + "' must be a whole number, got '" + get(key) + "'");
    }
  }

  public boolean getBoolean(String key) {
    String v = get(key).trim();
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1")) return true;
    if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no") || v.equals("0")) return false;
    throw new ConfigException(
        "setting '" + key + "' must be true or false, got '" + get(key) + "'");
  }

  public Duration getDuration(String key) {
    try {
      return Durations.parse(get(key));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("setting '" + key + "': " + e.getMessage());
    }
  }

  public Path dataDir() {
    return Path.of(get(DATA_DIR));
  }

  private static Iterable<String> knownKeys(Map<String, String> merged) {
    var keys = new java.util.TreeSet<>(merged.keySet());
    keys.add(DATABASE_URL);
    return keys;
  }

  private static Map<String, String> readFile(Path file, String namedBy) {
    Properties p = new Properties();
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
      p.load(new StringReader(String.join("\n", lines)));
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read the configuration file "
              + file
              + namedBy
              + ": "
              + IoReasons.ofFile(e, file));
    }
    Map<String, String> m = new HashMap<>();
    p.forEach((k, v) -> m.put(k.toString().trim(), v.toString().trim()));
    for (String key : new TreeSet<>(m.keySet())) {
      if (!isKnown(key))
        throw new ConfigException(file + ":" + lineOf(key, lines) + ": " + unknownKey(key));
    }
    return m;
  }

  private static boolean isKnown(String key) {
    return DEFAULTS.containsKey(key) || key.equals(DATABASE_URL);
  }

  /** An unknown key was most likely meant as a known one: name the nearest, or all of them. */
  static String unknownKey(String key) {
    List<String> known = new ArrayList<>(DEFAULTS.keySet());
    known.add(DATABASE_URL);
    Collections.sort(known);
    String nearest = null;
    int best = Integer.MAX_VALUE;
    for (String k : known) {
      int d = k.endsWith("." + key) ? 1 : editDistance(key, k);
      if (d < best) {
        best = d;
        nearest = k;
      }
    }
    return "unknown setting '"
        + key
        + "'; "
        + (best <= Math.max(2, key.length() / 4)
            ? "did you mean '" + nearest + "'?"
            : "the settings are " + String.join(", ", known));
  }

  /**
   * The number of the line that sets {@code key} (the first, for a key set twice), for the message.
   */
  private static int lineOf(String key, List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.startsWith(key)
          && (l.length() == key.length() || "=: \t".indexOf(l.charAt(key.length())) >= 0)) {
        return i + 1;
      }
    }
    return 1;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
