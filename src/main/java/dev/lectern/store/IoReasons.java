package dev.lectern.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file operation failed, in words: the JDK's file exceptions carry only the path as their
 * message ("cannot read X: X"), which tells a user nothing they can act on.
 */
public final class IoReasons {
  private IoReasons() {}

  /** Why reading the file {@code path} failed: no such file, permission denied, a directory, ... */
  public static String ofFile(IOException e, Path path) {
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (Files.isDirectory(path)) return "it is a directory, not a file";
    return plain(e, path);
  }

  /**
   * Why creating or using the directory {@code path} failed: a file in the way, permission denied,
   * ...
   */
  public static String ofDirectory(IOException e, Path path) {
    Path abs = path.toAbsolutePath();
    for (Path p = abs; p != null; p = p.getParent()) {
      if (Files.isDirectory(p)) break;
      if (Files.exists(p))
        return (p.equals(abs) ? "it" : p.toString()) + " is a file, not a directory";
    }
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NoSuchFileException) return "no such directory";
    return plain(e, path);
  }

  private static String plain(IOException e, Path path) {
    String m = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    if (m == null || m.isBlank() || m.equals(path.toString())) return e.getClass().getSimpleName();
    return m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
  }
}
