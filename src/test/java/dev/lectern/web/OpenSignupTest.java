package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.FormClient;
import dev.lectern.testing.FormClient.Answer;
import dev.lectern.user.AccountSettings;
import dev.lectern.user.AccountSettings.Signup;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-user mode with open sign-up: no invite code, and the name rules still hold. */
class OpenSignupTest {
  @TempDir Path dataDir;

  @Test
  void anyoneSignsUpWithoutACodeButNotWithATakenNameOrTwoPasswords() {
    try (AccountsFixture web = new AccountsFixture(dataDir, AccountSettings.multi(Signup.OPEN))) {
      FormClient b = web.browser();
      assertThat(b.get("/login").body()).contains("<a href=\"/signup\">Sign up</a>");
      Answer form = b.get("/signup");
      assertThat(form.body()).doesNotContain("Invite code");
      Answer differ =
          b.post("/signup", "name", "ada", "password", "one password", "password2", "another one");
      assertThat(differ.status()).isEqualTo(400);
      assertThat(differ.body()).contains("The two passwords differ").contains("value=\"ada\"");
      Answer bad =
          b.post("/signup", "name", "a b", "password", "one password", "password2", "one password");
      assertThat(bad.body()).contains("A name has 1 to 40 letters");
      Answer ok =
          b.post("/signup", "name", "ada", "password", "one password", "password2", "one password");
      assertThat(ok.status()).as(ok.body()).isEqualTo(303);
      assertThat(b.get("/account").body()).contains("Signed in as ada");
      assertThat(web.accounts.users().byName("ada").orElseThrow().admin()).isFalse();

      FormClient other = web.browser();
      other.get("/signup");
      Answer taken =
          other.post(
              "/signup", "name", "ADA", "password", "one password", "password2", "one password");
      assertThat(taken.status()).isEqualTo(400);
      assertThat(taken.body()).contains("is taken");
    }
  }
}
