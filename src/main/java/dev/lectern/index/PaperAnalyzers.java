package dev.lectern.index;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the index. Text is English with accents folded ("Balázs" finds "balazs") and
 * stemmed. LaTeX is decoded before tokenizing ({@link LatexCharFilter}): {@code Gr\"obner} is
 * indexed as Gröbner, so "Grobner" and "Gröbner" find it, and math as the words typed for it
 * ({@code $\Lambda_{\alpha}$} as lambda alpha, {@code WSe$_{2}$} as wse2). A char filter rather
 * than decoding the field's text beforehand, because offsets must point into the raw text: that is
 * what is stored and what the highlighter marks. Queries go through the same analyzers, so a query
 * typed in LaTeX finds the same papers. Author names are folded and lower-cased but never stemmed
 * or stopped ("Will", "An" are surnames).
 */
public final class PaperAnalyzers {
  private PaperAnalyzers() {}

  /** The analyzer for every field, to be used both when indexing and when parsing queries. */
  public static Analyzer perField() {
    return new PerFieldAnalyzerWrapper(english(), Map.of(IndexFields.AUTHORS, names()));
  }

  public static Analyzer english() {
    return new Analyzer() {
      @Override
      protected Reader initReader(String field, Reader reader) {
        return new LatexCharFilter(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream t = new EnglishPossessiveFilter(source);
        t = new ASCIIFoldingFilter(t);
        t = new LowerCaseFilter(t);
        t = new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        t =
            new KStemFilter(
                t); // Krovetz: milder than Porter ("organization" stays apart from "organ")
        return new TokenStreamComponents(source, t);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new LowerCaseFilter(new ASCIIFoldingFilter(in));
      }
    };
  }

  public static Analyzer names() {
    return new Analyzer() {
      @Override
      protected Reader initReader(String field, Reader reader) {
        return new LatexCharFilter(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(
            source, new LowerCaseFilter(new ASCIIFoldingFilter(source)));
      }

      @Override
      public int getPositionIncrementGap(String field) {
        return 100; // each author is a separate value: "Ada Babbage" must not match "Ada Lovelace,
        // C. Babbage"
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new LowerCaseFilter(new ASCIIFoldingFilter(in));
      }
    };
  }
}
