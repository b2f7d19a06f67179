package dev.lectern.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  private final Passwords passwords = new Passwords();

  @Test
  void aHashVerifiesItsPasswordOnly() {
    String hash = passwords.hash("correct horse battery");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(passwords.verify("correct horse battery", hash)).isTrue();
    assertThat(passwords.verify("correct horse batterY", hash)).isFalse();
    assertThat(passwords.verify("", hash)).isFalse();
    assertThat(passwords.verify(null, hash)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertThat(passwords.hash("correct horse battery"))
        .isNotEqualTo(passwords.hash("correct horse battery"));
  }

  @Test
  void nothingVerifiesAgainstNoHashOrAForeignOne() {
    assertThat(passwords.verify("anything at all", null)).isFalse();
    assertThat(passwords.verify("anything at all", "plain text")).isFalse();
  }

  @Test
  void aPasswordTooShortOrTooLongIsRefusedWithAReason() {
    assertThatThrownBy(() -> passwords.hash("short"))
        .isInstanceOf(AccountException.class)
        .hasMessageContaining("at least 8");
    assertThatThrownBy(() -> passwords.hash("x".repeat(1_001)))
        .isInstanceOf(AccountException.class)
        .hasMessageContaining("at most 1000");
    assertThat(passwords.verify("x".repeat(1_001), passwords.hash("x".repeat(1_000)))).isFalse();
  }
}
