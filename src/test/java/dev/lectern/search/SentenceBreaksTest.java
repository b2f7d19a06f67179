package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {
  static final String TEXT = "We gain 2.5x on arXiv:2401.00001. Does it hold?  Yes!\nIt does.";

  static List<Integer> forward(BreakIterator b) {
    List<Integer> out = new ArrayList<>();
    for (int i = b.first(); i != BreakIterator.DONE; i = b.next()) out.add(i);
    return out;
  }

  @Test
  void sentencesStartAfterEndingPunctuationAndSpaceNotInsideNumbersOrIds() {
    BreakIterator b = new SentenceBreaks();
    b.setText(TEXT);
    int second = TEXT.indexOf("Does");
    int third = TEXT.indexOf("Yes");
    int fourth = TEXT.indexOf("It does");
    assertThat(forward(b)).containsExactly(0, second, third, fourth, TEXT.length());
  }

  @Test
  void followingAndPrecedingFindTheNeighbouringBoundaries() {
    BreakIterator b = new SentenceBreaks();
    b.setText(TEXT);
    int second = TEXT.indexOf("Does");
    assertThat(b.following(3)).isEqualTo(second);
    assertThat(b.current()).isEqualTo(second);
    assertThat(b.preceding(second + 2)).isEqualTo(second);
    assertThat(b.preceding(second)).isEqualTo(0);
    assertThat(b.preceding(0)).isEqualTo(BreakIterator.DONE);
    assertThat(b.following(TEXT.length())).isEqualTo(BreakIterator.DONE);
    assertThat(b.isBoundary(second)).isTrue();
    assertThat(b.isBoundary(TEXT.indexOf(".5"))).isFalse();
    b.last();
    assertThat(b.previous()).isEqualTo(TEXT.indexOf("It does"));
  }
}
