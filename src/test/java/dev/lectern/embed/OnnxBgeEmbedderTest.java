package dev.lectern.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the real int8 bge-small-en-v1.5 model from the classpath; one instance for the whole class.
 */
class OnnxBgeEmbedderTest {
  static final String GRAPH_TRANSFORMER =
      Embedder.documentText(
          "Structure-Aware Graph Transformers for Molecular Property Prediction",
          "Graph transformers extend self-attention to graph-structured data, but plain attention ignores the"
              + " topology of the graph. We inject shortest-path distances and random-walk positional encodings"
              + " into the attention bias so that each node attends to its neighbourhood first. On molecular"
              + " benchmarks our graph transformer outperforms message-passing neural networks while scaling to"
              + " graphs with thousands of nodes.");
  static final String SPEECH_SEPARATION =
      Embedder.documentText(
          "Dual-Path Recurrent Networks for Monaural Speech Separation",
          "Separating overlapping speakers from a single-channel recording remains difficult in reverberant"
              + " rooms. We propose a time-domain separation network that alternates intra-chunk and"
              + " inter-chunk recurrent layers, and train it with a permutation-invariant loss. It improves the"
              + " scale-invariant signal-to-distortion ratio on WSJ0-2mix and WHAMR! by more than 1 dB.");
  static final String DIFFUSION =
      Embedder.documentText(
          "Faster Sampling for Latent Diffusion Models",
          "We distil a latent diffusion model into a student that generates images in four denoising steps"
              + " with little loss in FID.");

  static OnnxBgeEmbedder embedder;

  @BeforeAll
  static void load() {
    // small batches so the order and padding tests really span several batches
    embedder = OnnxBgeEmbedder.open(OnnxBgeEmbedder.Options.defaults().withBatchSize(2));
  }

  @AfterAll
  static void close() {
    if (embedder != null) embedder.close();
  }

  @Test
  void vectorsHaveTheModelsDimensionsAndUnitLength() {
    assertThat(embedder.dimensions()).isEqualTo(384);
    assertThat(embedder.modelId()).isEqualTo("bge-small-en-v1.5-q8");
    for (float[] v : embedder.embedDocuments(List.of(GRAPH_TRANSFORMER, SPEECH_SEPARATION))) {
      assertThat(v).hasSize(384);
      assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
    }
    assertThat(norm(embedder.embedQuery("graph transformers"))).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void embeddingIsDeterministic() {
    float[] first = embedder.embedDocuments(List.of(GRAPH_TRANSFORMER)).get(0);
    float[] second = embedder.embedDocuments(List.of(GRAPH_TRANSFORMER)).get(0);
    assertThat(second).containsExactly(first);
  }

  @Test
  void queryIsClosestToTheAbstractAboutIt() {
    List<float[]> docs =
        embedder.embedDocuments(List.of(GRAPH_TRANSFORMER, SPEECH_SEPARATION, DIFFUSION));
    float[] query = embedder.embedQuery("graph transformers");
    double graph = dot(query, docs.get(0));
    assertThat(graph).isGreaterThan(dot(query, docs.get(1)) + 0.1);
    assertThat(graph).isGreaterThan(dot(query, docs.get(2)) + 0.1);

    float[] speech = embedder.embedQuery("separating two speakers talking at once");
    assertThat(dot(speech, docs.get(1))).isGreaterThan(dot(speech, docs.get(0)) + 0.1);
  }

  @Test
  void batchesReturnVectorsInInputOrder() {
    // distinct lengths: sorting puts the same texts in the same batches whatever the input order,
    // so reversing the input must reverse the output exactly
    List<String> texts =
        List.of(GRAPH_TRANSFORMER, "speech", DIFFUSION, SPEECH_SEPARATION, "graph networks", "");
    List<float[]> forward = embedder.embedDocuments(texts);
    List<float[]> backward = embedder.embedDocuments(texts.reversed());
    assertThat(forward).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      assertThat(backward.get(texts.size() - 1 - i))
          .as("text %d", i)
          .containsExactly(forward.get(i));
    }
    // and each vector is that text's own: closer to the text embedded alone than to any other text
    for (int i = 0; i < texts.size(); i++) {
      float[] alone = embedder.embedDocuments(List.of(texts.get(i))).get(0);
      for (int j = 0; j < texts.size(); j++) {
        if (j != i)
          assertThat(dot(alone, forward.get(i))).isGreaterThan(dot(alone, forward.get(j)));
      }
    }
  }

  /**
   * The model is dynamically quantized: each MatMul's activations are scaled by the min/max of the
   * whole batch tensor, padded positions included. So a text's vector depends slightly on its
   * batch-mates (measured cosine 0.997-0.998, largest component difference ~1e-2) and an exact
   * comparison cannot hold. A wrong attention mask is far off (cosine 0.63 when padding is attended
   * to), which this still catches.
   */
  @Test
  void paddingDoesNotChangeAShortTextsVector() {
    String shortText = "Graph transformers for molecules.";
    float[] alone = embedder.embedDocuments(List.of(shortText)).get(0);
    // batch size 2: the short text shares its batch with a longer one and is padded to its length
    float[] padded = embedder.embedDocuments(List.of(GRAPH_TRANSFORMER, shortText)).get(1);
    assertThat(dot(alone, padded)).isGreaterThan(0.99);
    // same text twice: same batch tensor statistics, no padding, so the result is exact
    assertThat(embedder.embedDocuments(List.of(shortText, shortText)).get(1))
        .containsExactly(alone);
  }

  @Test
  void longTextIsTruncatedToTheModelsLimit() {
    String longText = String.join(" ", Collections.nCopies(300, SPEECH_SEPARATION));
    List<OnnxBgeEmbedder.Tokens> tokens = embedder.tokenize(List.of(longText));
    assertThat(tokens.get(0).length()).isEqualTo(OnnxBgeEmbedder.MAX_TOKENS);
    float[] v = embedder.embedDocuments(List.of(longText)).get(0);
    assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void emptyTextsAndEmptyListsDoNotFail() {
    assertThat(embedder.embedDocuments(List.of())).isEmpty();
    float[] v = embedder.embedDocuments(List.of("")).get(0);
    assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
    assertThat(norm(embedder.embedQuery(""))).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void nullTextIsRejectedWithItsPosition() {
    List<String> texts = new ArrayList<>(List.of("a", "b"));
    texts.add(null);
    assertThatThrownBy(() -> embedder.embedDocuments(texts)).hasMessageContaining("text 2 is null");
  }

  @Test
  void cudaRequestFallsBackToCpuWhenUnavailable() {
    try (OnnxBgeEmbedder cuda =
        OnnxBgeEmbedder.open(OnnxBgeEmbedder.Options.defaults().withCuda(true))) {
      // the CPU-only onnxruntime artifact has no CUDA provider, so this must fall back, not fail
      assertThat(cuda.embedQuery("graph transformers")).hasSize(384);
    }
  }

  static double norm(float[] v) {
    return Math.sqrt(dot(v, v));
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
    return s;
  }
}
