package dev.lake.it.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A commit manifest read with Jackson alone, not with Lake's classes: its version (from the file name
 * {@code v<20 digits>.json}) and its {@code files}, each with its path relative to the dataset, rows and bytes.
 *
 * <pre>{@code
 * ManifestFile m = ManifestFile.parse("v00000000000000000002.json", bytes);
 * m.files().get(0).path();   // year=2011/month=12/part-....parquet
 * }</pre>
 *
 * @param version the version
 * @param files the live files it lists
 */
public record ManifestFile(long version, List<Entry> files) {
  private static final Pattern VERSION = Pattern.compile("v(\\d{20})\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One listed file.
   *
   * @param path relative to the dataset directory
   * @param rows rows the manifest says it holds
   * @param bytes bytes the manifest says it has
   */
  public record Entry(String path, long rows, long bytes) {}

  /** Whether a file name is that of a version manifest. */
  public static boolean isVersion(String name) {
    return VERSION.matcher(name).matches();
  }

  /** Parses a manifest. */
  public static ManifestFile parse(String name, byte[] json) throws IOException {
    var m = VERSION.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a version manifest: " + name);
    }
    JsonNode root = JSON.readTree(json);
    JsonNode files = root.get("files");
    if (files == null || !files.isArray()) {
      throw new IOException(name + " has no 'files' list: " + new String(json, java.nio.charset.StandardCharsets.UTF_8));
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode f : files) {
      entries.add(new Entry(f.get("path").asText(), f.path("rows").asLong(-1), f.path("bytes").asLong(-1)));
    }
    return new ManifestFile(Long.parseLong(m.group(1)), List.copyOf(entries));
  }

  /** The listed paths. */
  public List<String> paths() {
    return files.stream().map(Entry::path).toList();
  }
}
