package dev.lake.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test resources (copied from real API responses, see SOURCE.md). */
final class TestData {
  private TestData() {}

  static String text(String resource) {
    try (InputStream in = TestData.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
