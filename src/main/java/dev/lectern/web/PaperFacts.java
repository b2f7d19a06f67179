package dev.lectern.web;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words a reader understands for the license URLs and source names the library stores. */
final class PaperFacts {
  private static final Pattern CREATIVE_COMMONS =
      Pattern.compile("creativecommons\\.org/licenses/([a-z-]+)/([0-9.]+)");
  private static final Pattern PUBLIC_DOMAIN =
      Pattern.compile("creativecommons\\.org/publicdomain/zero/([0-9.]+)");
  private static final Map<String, String> ARXIV_LICENSES =
      Map.of(
          "arxiv.org/licenses/nonexclusive-distrib/", "arXiv's license to distribute",
          "arxiv.org/licenses/assumed-1991-2003/", "arXiv's license to distribute (assumed)");
  private static final Map<String, String> SOURCES =
      Map.of(
          "arxiv-snapshot", "arXiv metadata snapshot",
          "arxiv-oai", "arXiv (OAI-PMH)",
          "hf-page", "Hugging Face Daily Papers",
          "hf-api", "Hugging Face Daily Papers");

  private PaperFacts() {}

  /** "CC BY 4.0" for a Creative Commons URL, arXiv's licenses by name, anything else as stored. */
  static String licenseName(String license) {
    String url = license.toLowerCase(Locale.ROOT);
    Matcher cc = CREATIVE_COMMONS.matcher(url);
    if (cc.find()) return "CC " + cc.group(1).toUpperCase(Locale.ROOT) + " " + cc.group(2);
    Matcher zero = PUBLIC_DOMAIN.matcher(url);
    if (zero.find()) return "CC0 " + zero.group(1);
    for (var known : ARXIV_LICENSES.entrySet()) {
      if (url.contains(known.getKey())) return known.getValue();
    }
    return license;
  }

  /** The sources a paper came from, by their readable names, each once. */
  static String sourceNames(Collection<String> sources) {
    return String.join(
        ", ", sources.stream().map(s -> SOURCES.getOrDefault(s, s)).distinct().toList());
  }
}
