package dev.lectern.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;

/**
 * Sentence boundaries for snippets, found cheaply: a sentence starts at the first non-space
 * character after a full stop, question or exclamation mark and the spaces that follow it. Unlike a
 * split at every full stop, "2.5x" and "arXiv:2401.00001" stay whole; unlike the JDK's sentence
 * iterator, it costs next to nothing (the highlighter moves it back and forth across each abstract,
 * and the JDK's iterator was a noticeable cost per abstract; see docs/performance.md).
 * Abbreviations ("e.g. the") do end a sentence here; the snippet builder joins short sentences
 * anyway.
 */
final class SentenceBreaks extends BreakIterator {
  private String text = "";
  private int begin;
  private int end;
  private int current;
  private CharacterIterator source;

  @Override
  public int first() {
    return current = begin;
  }

  @Override
  public int last() {
    return current = end;
  }

  @Override
  public int next(int n) {
    int result = current;
    for (int i = 0; i < Math.abs(n) && result != DONE; i++) result = n > 0 ? next() : previous();
    return result;
  }

  @Override
  public int next() {
    return following(current);
  }

  @Override
  public int previous() {
    return preceding(current);
  }

  @Override
  public int following(int offset) {
    check(offset);
    if (offset >= end) {
      current = end;
      return DONE;
    }
    int i = offset + 1;
    while (i < end && !startsSentence(i)) i++;
    return current = i;
  }

  @Override
  public int preceding(int offset) {
    check(offset);
    if (offset <= begin) {
      current = begin;
      return DONE;
    }
    int i = offset - 1;
    while (i > begin && !startsSentence(i)) i--;
    return current = i;
  }

  @Override
  public boolean isBoundary(int offset) {
    check(offset);
    return offset == begin || offset == end || startsSentence(offset);
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public CharacterIterator getText() {
    return source;
  }

  @Override
  public void setText(CharacterIterator newText) {
    source = newText;
    begin = newText.getBeginIndex();
    end = newText.getEndIndex();
    StringBuilder b = new StringBuilder(end - begin);
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) b.append(c);
    text = b.toString();
    current = begin;
  }

  /**
   * Whether a sentence starts at {@code i}: a non-space after ".", "?" or "!" and at least one
   * space.
   */
  private boolean startsSentence(int i) {
    if (i <= begin
        || i >= end
        || Character.isWhitespace(at(i))
        || !Character.isWhitespace(at(i - 1))) return false;
    int j = i - 1;
    while (j > begin && Character.isWhitespace(at(j))) j--;
    char c = at(j);
    return c == '.' || c == '?' || c == '!';
  }

  private char at(int offset) {
    return text.charAt(offset - begin);
  }

  private void check(int offset) {
    if (offset < begin || offset > end)
      throw new IllegalArgumentException("offset " + offset + " is outside the text");
  }
}
