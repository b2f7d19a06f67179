package dev.lectern.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** Writes the shapes of this package: compact for the API, indented for a person at a terminal. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

  private Json() {}

  public static byte[] compact(Object shape) {
    try {
      return MAPPER.writeValueAsBytes(shape);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer as JSON: " + e.getMessage(), e);
    }
  }

  public static String pretty(Object shape) {
    try {
      return PRETTY.writeValueAsString(shape);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer as JSON: " + e.getMessage(), e);
    }
  }
}
