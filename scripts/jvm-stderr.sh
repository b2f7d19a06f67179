# Sourced by ./lectern. The JVM prints "WARNING: Using incubator modules: jdk.incubator.vector" at every
# start when that module is added (the launcher adds it for Lucene's SIMD vector code), and has no switch to
# turn the line off. lectern_drop_incubator_warning, given the JVM's stderr, drops exactly that line and
# passes everything else through as it comes: other warnings, errors, a progress bar redrawn with \r.

LECTERN_INCUBATOR_WARNING="WARNING: Using incubator modules: jdk.incubator.vector"

lectern_drop_incubator_warning() {
  # Ctrl-C and kill are for the JVM, which may still print why it stopped; this ends when its stderr closes.
  trap '' INT TERM
  local line
  # The line comes before Lectern runs, after nothing but the JVM's own notes and warnings ("Picked up
  # JAVA_TOOL_OPTIONS", "OpenJDK 64-Bit Server VM warning: ..."); once any other line is seen, the rest is
  # copied byte for byte.
  while IFS= read -r line; do
    [ "$line" = "$LECTERN_INCUBATOR_WARNING" ] && break
    printf '%s\n' "$line" >&2
    case "$line" in "Picked up "* | "NOTE: Picked up "* | *" VM warning: "* | "WARNING: "*) ;; *) break ;; esac
  done || { [ -n "$line" ] && printf '%s' "$line" >&2; }  # the end came without a newline
  exec cat >&2
}
