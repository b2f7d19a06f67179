package dev.lectern.cli;

import dev.lectern.app.Settings;
import dev.lectern.user.AccountException;
import dev.lectern.user.Accounts;
import dev.lectern.user.Invites;
import dev.lectern.user.User;
import dev.lectern.user.Users;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "users",
    description = {
      "Manage the accounts of multi-user mode.",
      "Accounts are used when users.mode = multi (see docs/accounts.md).",
      "Passwords are read from the terminal, or else from the first line of standard input."
    },
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Invite.class,
      UsersCommand.Passwd.class,
      UsersCommand.Admin.class
    })
final class UsersCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() {
    main.spec().commandLine().getSubcommands().get("users").usage(out());
    return 0;
  }

  PrintWriter out() {
    return main.spec().commandLine().getOut();
  }

  Accounts accounts() {
    return main.lectern().accounts();
  }

  /** The account of this name, or an error saying there is none. */
  User account(String name) {
    return accounts()
        .users()
        .byName(name)
        .orElseThrow(() -> new AccountException("there is no account " + name));
  }

  /** A new password: asked twice on a terminal, else the first line of standard input. */
  String newPassword(String name) {
    Console console = main.in == System.in ? System.console() : null;
    if (console == null) return firstLine();
    char[] first = console.readPassword("New password for %s: ", name);
    char[] again = console.readPassword("The same again: ");
    if (first == null || again == null || !Arrays.equals(first, again)) {
      throw new AccountException("the two passwords differ; nothing was changed");
    }
    return new String(first);
  }

  private String firstLine() {
    try {
      String line =
          new BufferedReader(new InputStreamReader(main.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw new AccountException("no password: give it on standard input, one line");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the password from standard input", e);
    }
  }

  @Command(
      name = "add",
      description = {
        "Add an account with a password.",
        "--claim-local instead names the local user of single-user mode (user 1, who owns "
            + "everything saved so far) and gives it the password: the way to keep that data when "
            + "switching to users.mode = multi."
      })
  static final class Add implements Callable<Integer> {
    @ParentCommand UsersCommand users;

    @Parameters(paramLabel = "NAME", description = "The sign-in name.")
    String name;

    @Option(names = "--admin", description = "May manage invites and accounts on /admin.")
    boolean admin;

    @Option(
        names = "--claim-local",
        description = "Become the local user (user 1) and keep its data; always an admin.")
    boolean claimLocal;

    @Override
    public Integer call() {
      String password = users.newPassword(name);
      User u =
          claimLocal
              ? users.accounts().users().claimLocal(name, password)
              : users.accounts().users().create(name, password, admin);
      users
          .out()
          .println(
              (claimLocal ? "the local user is now " : "added ")
                  + u.name()
                  + (u.admin() ? " (admin)" : "")
                  + (users.accounts().settings().multi()
                      ? ""
                      : "; accounts take effect with users.mode = multi"));
      return 0;
    }
  }

  @Command(name = "list", description = "List the accounts.")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand UsersCommand users;

    @Override
    public Integer call() {
      PrintWriter out = users.out();
      out.printf("%-5s %-24s %-7s %-26s %s%n", "id", "name", "role", "email", "created");
      for (User u : users.accounts().users().list()) {
        boolean unclaimed = u.id() == Users.LOCAL_USER && !u.canSignIn();
        out.printf(
            "%-5d %-24s %-7s %-26s %s%n",
            u.id(),
            u.name(),
            unclaimed ? "local" : u.admin() ? "admin" : "member",
            u.email() == null ? "-" : u.email(),
            unclaimed ? "(single-user mode's user; no password)" : u.createdAt().toString());
      }
      return 0;
    }
  }

  @Command(
      name = "invite",
      description = {
        "Make a single-use invite to sign up.",
        "It lasts 14 days; its code and link are printed only this once."
      })
  static final class Invite implements Callable<Integer> {
    @ParentCommand UsersCommand users;

    @Option(
        names = "--by",
        paramLabel = "NAME",
        description = "The admin the invite is from (default: the first admin).")
    String by;

    @Override
    public Integer call() {
      Accounts accounts = users.accounts();
      User from =
          by != null
              ? users.account(by)
              : accounts.users().list().stream()
                  .filter(User::admin)
                  .filter(u -> u.canSignIn() || u.id() == Users.LOCAL_USER)
                  .reduce((first, second) -> first.canSignIn() ? first : second)
                  .orElseThrow(
                      () ->
                          new AccountException(
                              "there is no admin; lectern users add NAME --admin"));
      Invites.NewInvite made = accounts.invites().create(from.id());
      Settings s = users.main.lectern().settings();
      users.out().println("code: " + made.code());
      users
          .out()
          .println(
              "link: http://"
                  + s.get(Settings.SERVER_HOST)
                  + ":"
                  + s.get(Settings.SERVER_PORT)
                  + "/signup?code="
                  + made.code()
                  + "  (use the address people reach the server at)");
      users.out().println("valid until " + made.expiresAt() + "; shown only this once");
      return 0;
    }
  }

  @Command(name = "passwd", description = "Set an account's password (without the old one).")
  static final class Passwd implements Callable<Integer> {
    @ParentCommand UsersCommand users;

    @Parameters(paramLabel = "NAME", description = "The account's name.")
    String name;

    @Override
    public Integer call() {
      User u = users.account(name);
      users.accounts().users().setPassword(u.id(), users.newPassword(name));
      users.accounts().sessions().closeOthers(u.id(), null);
      users
          .out()
          .println("the password of " + u.name() + " is changed; its sessions are signed out");
      return 0;
    }
  }

  @Command(
      name = "admin",
      description = {
        "Grant or remove an account's admin role.",
        "Admins manage invites and accounts on /admin. The change takes effect on the account's "
            + "next request. The last admin who can sign in keeps the role."
      })
  static final class Admin implements Callable<Integer> {
    @ParentCommand UsersCommand users;

    @Parameters(paramLabel = "NAME", description = "The account's name.")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Change change;

    static final class Change {
      @Option(names = "--grant", required = true, description = "Make the account an admin.")
      boolean grant;

      @Option(names = "--revoke", required = true, description = "Make the account a member.")
      boolean revoke;
    }

    @Override
    public Integer call() {
      User u = users.account(name);
      User now = users.accounts().users().setAdmin(u.id(), change.grant);
      users.out().println(now.name() + " is " + (now.admin() ? "an admin" : "a member") + " now");
      return 0;
    }
  }
}
