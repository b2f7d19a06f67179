package dev.lectern.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The stored form of a vector ({@code embeddings.vector}): float32 values, little-endian, no
 * header. The length is implied by the byte count (and recorded in {@code embeddings.dims}).
 */
public final class VectorCodec {
  private VectorCodec() {}

  public static byte[] toBytes(float[] vector) {
    ByteBuffer buf =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(vector);
    return buf.array();
  }

  public static float[] fromBytes(byte[] bytes) {
    if (bytes.length % Float.BYTES != 0) {
      throw new IllegalArgumentException(
          "a stored vector must be a whole number of float32 values, got "
              + bytes.length
              + " bytes");
    }
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
