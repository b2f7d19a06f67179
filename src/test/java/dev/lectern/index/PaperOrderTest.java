package dev.lectern.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The merge policy that reorders papers, on a real (in-memory) Lucene index. */
class PaperOrderTest {
  @Test
  @Timeout(60) // a rule that rewrote a reordered segment again would loop forever
  void aLoneSegmentIsReorderedByAMergeIntoOneSegmentOnceAndThenLeftAlone() throws IOException {
    Directory dir = new ByteBuffersDirectory();
    IndexWriter writer =
        new IndexWriter(
            dir,
            new IndexWriterConfig(new StandardAnalyzer())
                .setMergePolicy(new PaperOrder(2, 1 << 18).mergePolicy()));
    try {
      Random topics =
          new Random(42); // not strictly alternating: the bisection needs some asymmetry to start
      for (int i = 0; i < 128; i++) {
        boolean graphs = topics.nextBoolean();
        Document d = new Document();
        d.add(new StringField(IndexFields.ID, (graphs ? "g" : "p") + i, Field.Store.YES));
        d.add(
            new TextField(
                IndexFields.TITLE,
                graphs ? "graph message passing" : "protein folding",
                Field.Store.NO));
        writer.addDocument(d);
      }
      writer.commit();
      assertThat(segmentNames(dir)).hasSize(1);
      assertThat(topicChanges(order(dir))).as("written mixed").isGreaterThan(40);

      writer.forceMerge(1);
      writer.commit();
      List<String> reordered = segmentNames(dir);
      assertThat(reordered).hasSize(1);
      assertThat(topicChanges(order(dir))).as("papers of a topic together").isLessThan(16);

      writer.forceMerge(1);
      writer.commit();
      assertThat(segmentNames(dir)).as("a reordered segment is not rewritten").isEqualTo(reordered);
    } finally {
      writer.rollback(); // unlike close(), aborts running merges: a broken rule would merge on
      // forever
      dir.close();
    }
  }

  private static List<String> segmentNames(Directory dir) throws IOException {
    return SegmentInfos.readLatestCommit(dir).asList().stream().map(s -> s.info.name).toList();
  }

  /** The topic letter of each document, in document order. */
  private static String order(Directory dir) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      var stored = reader.storedFields();
      StringBuilder topics = new StringBuilder();
      for (int doc = 0; doc < reader.maxDoc(); doc++)
        topics.append(stored.document(doc).get(IndexFields.ID).charAt(0));
      return topics.toString();
    }
  }

  private static int topicChanges(String topics) {
    int changes = 0;
    for (int i = 1; i < topics.length(); i++)
      if (topics.charAt(i) != topics.charAt(i - 1)) changes++;
    return changes;
  }
}
