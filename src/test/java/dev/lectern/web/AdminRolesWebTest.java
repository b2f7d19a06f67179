package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.FormClient;
import dev.lectern.testing.FormClient.Answer;
import dev.lectern.user.AccountSettings;
import dev.lectern.user.AccountSettings.Signup;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: an admin grants and removes the admin role on {@code /admin}, through a real server. A
 * library of its own per test, so that "the last admin" means what the test says.
 */
class AdminRolesWebTest {
  private static final String PASSWORD = "correct horse battery";

  @TempDir Path dataDir;
  AccountsFixture web;

  @BeforeEach
  void serve() {
    web = new AccountsFixture(dataDir, AccountSettings.multi(Signup.INVITE));
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void aGrantedRoleWorksOnTheNextRequestAndARemovedOneStopsThere() {
    FormClient ada = web.signedIn("ada", PASSWORD, true);
    FormClient bea = web.signedIn("bea", PASSWORD, false);
    assertThat(bea.get("/admin").status()).isEqualTo(403);

    Answer page = ada.get("/admin");
    assertThat(page.body())
        .contains("action=\"/admin/users/" + id("bea") + "/role\"")
        .contains(">Make admin</button>");
    Answer granted = ada.post("/admin/users/" + id("bea") + "/role", "admin", "true");
    assertThat(granted.status()).as(granted.body()).isEqualTo(303);
    assertThat(granted.location()).isEqualTo("/admin?done=granted");
    assertThat(ada.get("/admin?done=granted").body()).contains("is an admin now");
    // the same session, not signed in again: the role is read on each request
    assertThat(bea.get("/admin").status()).isEqualTo(200);

    Answer removed = bea.post("/admin/users/" + id("ada") + "/role", "admin", "false");
    assertThat(removed.status()).as(removed.body()).isEqualTo(303);
    assertThat(removed.location()).isEqualTo("/admin?done=removed");
    assertThat(ada.get("/admin").status()).isEqualTo(403);
    assertThat(web.accounts.users().byName("ada").orElseThrow().admin()).isFalse();
  }

  @Test
  void theLastAdminKeepsTheRoleAndIsToldWhy() {
    FormClient ada = web.signedIn("ada", PASSWORD, true);
    ada.get("/admin");
    Answer refused = ada.post("/admin/users/" + id("ada") + "/role", "admin", "false");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("ada is the last admin who can sign in");
    assertThat(web.accounts.users().byName("ada").orElseThrow().admin()).isTrue();
    assertThat(ada.get("/admin").status()).isEqualTo(200);
  }

  @Test
  void anAdminMayStepDownWhenAnotherRemains() {
    FormClient ada = web.signedIn("ada", PASSWORD, true);
    web.accounts.users().create("bea", PASSWORD, true);
    ada.get("/admin");
    Answer stepped = ada.post("/admin/users/" + id("ada") + "/role", "admin", "false");
    assertThat(stepped.status()).as(stepped.body()).isEqualTo(303);
    assertThat(stepped.location()).isEqualTo("/account?done=unadmin");
    assertThat(ada.get("/account?done=unadmin").body()).contains("You are no longer an admin");
    assertThat(ada.get("/admin").status()).isEqualTo(403);
    // bea is the last one now
    FormClient bea = web.signIn("bea", PASSWORD);
    bea.get("/admin");
    assertThat(bea.post("/admin/users/" + id("bea") + "/role", "admin", "false").status())
        .isEqualTo(409);
  }

  @Test
  void onlyAnAdminWithTheFormsTokenChangesARole() {
    FormClient ada = web.signedIn("ada", PASSWORD, true);
    FormClient cyd = web.signedIn("cyd", PASSWORD, false);
    Answer member = cyd.post("/admin/users/" + id("cyd") + "/role", "admin", "true");
    assertThat(member.status()).isEqualTo(403);
    assertThat(member.body()).contains("Only an admin");
    ada.get("/admin");
    Answer noToken = ada.postRaw("/admin/users/" + id("cyd") + "/role", Map.of("admin", "true"));
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(web.accounts.users().byName("cyd").orElseThrow().admin()).isFalse();

    assertThat(ada.post("/admin/users/999/role", "admin", "true").status()).isEqualTo(404);
    assertThat(ada.post("/admin/users/x/role", "admin", "true").status()).isEqualTo(404);
    Answer bad = ada.post("/admin/users/" + id("cyd") + "/role", "admin", "yes");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("true or false");
  }

  private long id(String name) {
    return web.accounts.users().byName(name).orElseThrow().id();
  }
}
