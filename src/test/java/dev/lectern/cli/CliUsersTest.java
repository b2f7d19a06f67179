package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.user.User;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lectern users}: accounts made on the command line, password from standard input. */
class CliUsersTest {
  @TempDir Path dataDir;

  @Test
  void addListPasswdAndInvite() {
    Cli added = run("long enough secret\n", "users", "add", "ada", "--admin");
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(added.out()).contains("added ada (admin)").contains("users.mode = multi");
    assertThat(run("x\n", "users", "add", "bob").err()).contains("at least 8");
    assertThat(run("long enough secret\n", "users", "add", "ADA").err()).contains("taken");

    Cli list = run("", "users", "list");
    assertThat(list.out()).contains("local").contains("ada").contains("admin");

    assertThat(run("another secret!\n", "users", "passwd", "ada").code()).isZero();
    try (Lectern lectern = lectern()) {
      assertThat(lectern.accounts().users().verify("ada", "another secret!")).isPresent();
      assertThat(lectern.accounts().users().verify("ada", "long enough secret")).isEmpty();
    }

    Cli invite = run("", "users", "invite");
    assertThat(invite.code()).as(invite.err()).isZero();
    assertThat(invite.out()).contains("/signup?code=").contains("only this once");
    try (Lectern lectern = lectern()) {
      assertThat(lectern.accounts().invites().list())
          .singleElement()
          .matches(i -> "ada".equals(i.createdBy()));
    }
  }

  @Test
  void claimingTheLocalUserKeepsItsIdOnce() {
    Cli claimed = run("long enough secret\n", "users", "add", "ada", "--claim-local");
    assertThat(claimed.code()).as(claimed.err()).isZero();
    assertThat(claimed.out()).contains("the local user is now ada (admin)");
    try (Lectern lectern = lectern()) {
      User ada = lectern.accounts().users().byName("ada").orElseThrow();
      assertThat(ada.id()).isEqualTo(1);
      assertThat(ada.admin()).isTrue();
      assertThat(lectern.accounts().users().verify("ada", "long enough secret")).isPresent();
    }
    Cli again = run("long enough secret\n", "users", "add", "bob", "--claim-local");
    assertThat(again.code()).isNotZero();
    assertThat(again.err()).contains("claimed already");
  }

  @Test
  void adminGrantsAndRevokesTheRoleButNotTheLastOnes() {
    assertThat(run("long enough secret\n", "users", "add", "ada", "--admin").code()).isZero();
    assertThat(run("long enough secret\n", "users", "add", "bob").code()).isZero();

    Cli last = run("", "users", "admin", "ada", "--revoke");
    assertThat(last.code()).isNotZero();
    assertThat(last.err()).contains("ada is the last admin who can sign in");

    Cli granted = run("", "users", "admin", "bob", "--grant");
    assertThat(granted.code()).as(granted.err()).isZero();
    assertThat(granted.out()).contains("bob is an admin now");
    Cli revoked = run("", "users", "admin", "ada", "--revoke");
    assertThat(revoked.code()).as(revoked.err()).isZero();
    assertThat(revoked.out()).contains("ada is a member now");
    try (Lectern lectern = lectern()) {
      assertThat(lectern.accounts().users().byName("ada").orElseThrow().admin()).isFalse();
      assertThat(lectern.accounts().users().byName("bob").orElseThrow().admin()).isTrue();
    }

    assertThat(run("", "users", "admin", "nobody", "--grant").err())
        .contains("there is no account nobody");
    assertThat(run("", "users", "admin", "ada").err()).contains("--grant");
    assertThat(run("", "users", "admin", "ada", "--grant", "--revoke").code()).isNotZero();
  }

  private Lectern lectern() {
    return new Lectern(
        Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, dataDir.toString())));
  }

  private Cli run(String stdin, String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = dataDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code =
        Main.run(
            all,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return new Cli(code, out.toString(), err.toString());
  }
}
