package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help reads well at 80 columns: each command's summary is one sentence that fits the list of
 * commands, and every description is whole sentences, which picocli wraps between words (a
 * description split by hand into lines came out broken mid-sentence, and the list of commands
 * showed only its first, unfinished, line).
 */
class CliHelpTest {
  private static List<CommandLine> everyCommand(CommandLine cl) {
    List<CommandLine> all = new ArrayList<>(List.of(cl));
    cl.getSubcommands()
        .values()
        .forEach(
            sub -> {
              if (!sub.getCommandName().equals("help")) all.addAll(everyCommand(sub));
            });
    return all;
  }

  private static boolean whole(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith(":") || t.endsWith(")") && t.contains(".");
  }

  @Test
  void everyCommandsSummaryIsOneShortSentenceAndItsDescriptionsAreWholeSentences() {
    var softly = new org.assertj.core.api.SoftAssertions();
    for (CommandLine cl : everyCommand(new CommandLine(new Main()))) {
      CommandSpec spec = cl.getCommandSpec();
      String[] description = spec.usageMessage().description();
      String name = spec.qualifiedName();
      softly.assertThat(description).as(name).isNotEmpty();
      if (spec.parent() != null) {
        softly
            .assertThat(description[0])
            .as(name + ": its line in the list of commands")
            .hasSizeLessThanOrEqualTo(64)
            .endsWith(".");
      }
      for (String paragraph : description) {
        if (!paragraph.startsWith("  "))
          softly.assertThat(whole(paragraph)).as(name + ": " + paragraph).isTrue();
      }
      for (ArgSpec arg : spec.args()) {
        for (String d : arg.description()) {
          softly.assertThat(whole(d)).as(name + " " + arg.paramLabel() + ": " + d).isTrue();
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void theListOfCommandsShowsEachSummaryWhole() {
    StringWriter out = new StringWriter();
    Main.run(
        new String[] {"--help"},
        new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true));
    String help = out.toString();
    assertThat(help)
        .containsPattern("\n  import +Import papers from files, plain or \\.gz\\.\n")
        .containsPattern("\n  serve +Run Lectern: the web app and its JSON API\\.\n");
    assertThat(help.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
  }

  @Test
  void noHelpLineIsCutInsideAWordOrAnAddress() {
    for (CommandLine cl : everyCommand(new CommandLine(new Main()))) {
      String help = cl.getUsageMessage();
      assertThat(help.lines())
          .as(cl.getCommandSpec().qualifiedName())
          .noneMatch(
              l ->
                  l.endsWith("https:")
                      || l.endsWith("http:")
                      || l.endsWith("-") && !l.endsWith(" -"));
    }
  }
}
