package dev.lake.source.files;

import dev.lake.io.BadRow;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/** A SourceContext that keeps rejected rows, and helpers to write input files and read sources. */
final class Collecting implements SourceContext {
  final List<BadRow> rejected = new ArrayList<>();
  final List<String> positions = new ArrayList<>();

  @Override
  public void reject(BadRow row) {
    rejected.add(row);
  }

  @Override
  public Optional<String> cursor(String key) {
    return Optional.empty();
  }

  @Override
  public void proposeCursor(String key, String value) {}

  <T> List<T> read(Source<T> source) throws IOException {
    List<T> rows = new ArrayList<>();
    try (SourceReader<T> reader = source.open(this)) {
      while (reader.hasNext()) {
        rows.add(reader.next());
        positions.add(reader.position());
      }
    }
    return rows;
  }

  static Path write(Path file, String text) throws IOException {
    return write(file, text, StandardCharsets.UTF_8);
  }

  static Path write(Path file, String text, Charset charset) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, charset);
  }

  static Path gzip(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
