package dev.lectern.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Test embedder: a unit vector derived from the text's SHA-256, so equal texts get equal vectors
 * and a changed text a different one, at no cost. It can be told to fail on some texts (a text the
 * model chokes on) or on everything (a broken model).
 */
final class HashEmbedder implements Embedder {
  static final int DIMS = 8;

  private final Predicate<String> poison;
  volatile boolean broken;
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger textsEmbedded = new AtomicInteger();

  HashEmbedder() {
    this(text -> false);
  }

  /** Fails any batch that holds a text matching {@code poison}. */
  HashEmbedder(Predicate<String> poison) {
    this.poison = poison;
  }

  @Override
  public String modelId() {
    return "hash-test";
  }

  @Override
  public int dimensions() {
    return DIMS;
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    calls.incrementAndGet();
    if (broken) throw new EmbeddingException("test model is broken");
    for (String t : texts) {
      if (poison.test(t)) throw new EmbeddingException("test model fails on '" + t + "'");
    }
    List<float[]> out = new ArrayList<>();
    for (String t : texts) out.add(vector(t));
    textsEmbedded.addAndGet(texts.size());
    return out;
  }

  @Override
  public float[] embedQuery(String query) {
    return vector(query);
  }

  static float[] vector(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      float[] v = new float[DIMS];
      for (int i = 0; i < DIMS; i++) v[i] = d[i] + 0.5f; // never all zero
      return OnnxBgeEmbedder.normalize(v);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
