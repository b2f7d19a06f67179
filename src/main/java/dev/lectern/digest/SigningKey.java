package dev.lectern.digest;

import dev.lectern.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret of this data directory that signs links which work without signing in: a digest's
 * unsubscribe link and a user's feed link. Made once, at random, in {@code data-dir/link-secret};
 * deleting that file revokes every such link.
 */
public final class SigningKey {
  static final String FILE = "link-secret";
  private static final int BYTES = 32;

  /** Signatures are cut to 128 bits: plenty against guessing, and a shorter link. */
  private static final int SIGNATURE_BYTES = 16;

  private final byte[] key;

  SigningKey(byte[] key) {
    this.key = key.clone();
  }

  /** The data directory's key, made (readable by its owner only) when it has none. */
  public static SigningKey of(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) create(file);
      byte[] k = Files.readAllBytes(file);
      if (k.length < BYTES)
        throw new StoreException(file + " is damaged (too short); delete it to make a new one");
      return new SigningKey(k);
    } catch (IOException e) {
      throw new StoreException("cannot read or create " + file + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] k = new byte[BYTES];
    new SecureRandom().nextBytes(k);
    Path tmp = file.resolveSibling(FILE + ".new");
    Files.deleteIfExists(tmp);
    Files.write(tmp, k, StandardOpenOption.CREATE_NEW);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: it keeps the directory's permissions
    }
    try {
      // a second process making one at the same moment: the first one in place wins
      Files.createLink(file, tmp);
    } catch (FileAlreadyExistsException e) {
      // kept: the other's
    } catch (UnsupportedOperationException e) {
      Files.move(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The signature of a message, URL-safe. */
  public String sign(String message) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(message));
  }

  /** Whether the signature is this key's for the message, compared in constant time. */
  public boolean verify(String message, String signature) {
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(message), given);
  }

  private byte[] mac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] full = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
      return java.util.Arrays.copyOf(full, SIGNATURE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
