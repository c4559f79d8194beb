package dev.lake.source.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The repository's bundled data ({@code data/}), and copies of its files with a defect injected: the real input that
 * the bad-input tests feed the sources.
 */
final class BundledData {
  static final Path DATA = Path.of(System.getProperty("lake.data", "../../data")).toAbsolutePath().normalize();

  private BundledData() {}

  /** An Online Retail day file ({@code 2010-12-01}), gunzipped: its lines as bytes, header first. */
  static List<byte[]> retailDay(String day) {
    return lines(gunzip(DATA.resolve("online_retail/by-day/" + day + ".csv.gz")));
  }

  static byte[] gunzip(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a bundled file, gunzipped when its name ends in .gz. */
  static byte[] gunzipOrRead(Path file) {
    if (file.toString().endsWith(".gz")) {
      return gunzip(file);
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of {@code text} cut at '\n', without it. */
  static List<byte[]> lines(byte[] text) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length; i++) {
      if (text[i] == '\n') {
        out.add(Arrays.copyOfRange(text, start, i));
        start = i + 1;
      }
    }
    if (start < text.length) {
      out.add(Arrays.copyOfRange(text, start, text.length));
    }
    return out;
  }

  /** Line {@code number} (1-based) as UTF-8 text. */
  static String line(List<byte[]> lines, int number) {
    return new String(lines.get(number - 1), StandardCharsets.UTF_8);
  }

  /** A copy of {@code lines} with line {@code number} (1-based) replaced. */
  static List<byte[]> replace(List<byte[]> lines, int number, String text) {
    return replace(lines, number, text.getBytes(StandardCharsets.UTF_8));
  }

  static List<byte[]> replace(List<byte[]> lines, int number, byte[] bytes) {
    List<byte[]> out = new ArrayList<>(lines);
    out.set(number - 1, bytes);
    return out;
  }

  /** The lines joined with '\n' (and one after the last). */
  static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] l : lines) {
      out.writeBytes(l);
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** Writes {@code lines} to {@code file}, gzipped when its name ends in .gz. */
  static Path write(Path file, List<byte[]> lines) throws IOException {
    return write(file, join(lines));
  }

  static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
        : Files.newOutputStream(file)) {
      out.write(bytes);
    }
    return file;
  }

  /** The file positions {@code uri:first} .. {@code uri:last}, leaving out {@code except}. */
  static List<String> positions(Path file, int first, int last, int... except) {
    List<String> out = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      final int n = i;
      if (Arrays.stream(except).noneMatch(e -> e == n)) {
        out.add(file.toUri() + ":" + i);
      }
    }
    return out;
  }
}
