package dev.lectern.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbedderTextAndCodecTest {
  @Test
  void documentTextJoinsTitleAndAbstract() {
    assertThat(Embedder.documentText("Graph Transformers", "We study attention."))
        .isEqualTo("Graph Transformers. We study attention.");
    assertThat(Embedder.documentText("Is Attention All You Need?", "No."))
        .isEqualTo("Is Attention All You Need? No.");
    assertThat(Embedder.documentText(" Title ", null)).isEqualTo("Title");
    assertThat(Embedder.documentText(null, "Abstract.")).isEqualTo("Abstract.");
    assertThat(Embedder.documentText("", " ")).isEmpty();
  }

  @Test
  void codecRoundTripsExactly() {
    float[] v = {0f, -0f, 1.5f, -3.25e-7f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f};
    byte[] bytes = VectorCodec.toBytes(v);
    assertThat(bytes).hasSize(v.length * 4);
    assertThat(VectorCodec.fromBytes(bytes)).containsExactly(v);
  }

  @Test
  void codecIsLittleEndianFloat32() {
    // 1.0f is 0x3F800000
    assertThat(VectorCodec.toBytes(new float[] {1.0f}))
        .containsExactly(0x00, 0x00, (byte) 0x80, 0x3F);
  }

  @Test
  void codecRejectsATruncatedBlob() {
    assertThatThrownBy(() -> VectorCodec.fromBytes(new byte[7])).hasMessageContaining("7 bytes");
  }
}
