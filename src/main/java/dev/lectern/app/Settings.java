package dev.lectern.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Lectern's configuration: a file ({@code lectern.conf}, Java properties syntax), then {@code LECTERN_*}
 * environment variables, then command-line flags, each overriding the one before. Every setting has a
 * default, so Lectern runs with none. The variable for key {@code harvest.arxiv.delay} is
 * {@code LECTERN_HARVEST_ARXIV_DELAY}.
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
  public static final String SERVER_PORT = "server.port";
  public static final String SERVER_HOST = "server.host";
  public static final String SERVER_FOLLOW_INTERVAL = "server.follow-interval";
  public static final String SERVER_PRELOAD_INDEX = "server.preload-index";
  public static final String SERVER_WARMUP_PAPERS = "server.warmup-papers";
  public static final String EMBED_QUERY_THREADS = "embed.query-threads";

  private static final Map<String, String> DEFAULTS = Map.ofEntries(
      Map.entry(DATA_DIR, "lectern-data"),
      Map.entry(IMPORT_BATCH_SIZE, "5000"),
      Map.entry(ARXIV_OAI_URL, "https://oaipmh.arxiv.org/oai"),
      Map.entry(ARXIV_OAI_DELAY, "3s"),
      Map.entry(HF_BASE_URL, "https://huggingface.co"),
      Map.entry(HF_DELAY, "1s"),
      Map.entry(HTTP_RETRIES, "5"),
      Map.entry(SERVER_PORT, "8080"),
      // the API has no authentication yet: only this machine may reach it unless the host is set
      Map.entry(SERVER_HOST, "127.0.0.1"),
      Map.entry(SERVER_FOLLOW_INTERVAL, "5s"),
      // serve loads the whole index into memory at start (see LuceneIndex.Residency); off for a machine
      // with less free memory than the index
      Map.entry(SERVER_PRELOAD_INDEX, "true"),
      // serve searches this many random papers' titles at start, so users' first searches run compiled
      // code (see SearchWarmup); 0: none
      Map.entry(SERVER_WARMUP_PAPERS, "2000"),
      // threads that embed one query, in a session of its own; 0: every core
      Map.entry(EMBED_QUERY_THREADS, "0"));

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = values;
  }

  /**
   * @param configFile the file to read, or null to read {@code ./lectern.conf} when it exists
   * @param env        the environment ({@code System.getenv()})
   * @param flags      settings given on the command line
   */
  public static Settings load(Path configFile, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> merged = new HashMap<>(DEFAULTS);
    Path file = configFile != null ? configFile
        : env.containsKey("LECTERN_CONFIG") ? Path.of(env.get("LECTERN_CONFIG")) : Path.of("lectern.conf");
    if (configFile != null || Files.exists(file)) merged.putAll(readFile(file));
    for (String key : knownKeys(merged)) {
      String v = env.get(envName(key));
      if (v != null && !v.isBlank()) merged.put(key, v.trim());
    }
    // LECTERN_HOME is the conventional name for where Lectern keeps its data.
    if (!env.containsKey(envName(DATA_DIR)) && env.get("LECTERN_HOME") != null && !flags.containsKey(DATA_DIR)) {
      merged.put(DATA_DIR, env.get("LECTERN_HOME"));
    }
    flags.forEach((k, v) -> { if (v != null) merged.put(k, v); });
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
      throw new ConfigException("setting '" + key + "' must be a whole number, got '" + get(key) + "'");
    }
  }

  public boolean getBoolean(String key) {
    String v = get(key).trim();
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1")) return true;
    if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no") || v.equals("0")) return false;
    throw new ConfigException("setting '" + key + "' must be true or false, got '" + get(key) + "'");
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

  private static Map<String, String> readFile(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (IOException e) {
      throw new ConfigException("cannot read the configuration file " + file + ": " + e.getMessage());
    }
    Map<String, String> m = new HashMap<>();
    p.forEach((k, v) -> m.put(k.toString().trim(), v.toString().trim()));
    return m;
  }
}
