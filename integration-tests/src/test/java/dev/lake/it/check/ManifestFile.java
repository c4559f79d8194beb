package dev.lake.it.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A commit manifest read with Jackson alone, not with Lake's classes: its version (from the file name
 * {@code v<20 digits>.json}) and its files, each with its path relative to the dataset, rows and bytes. A version
 * lists its files inline ({@code files}, formats 1 and 2) or in segments ({@code segments}: each named
 * {@code segments/<name>.json} beside it, holding {@code files}).
 *
 * <pre>{@code
 * ManifestFile m = ManifestFile.parse("v00000000000000000002.json", bytes, lake::manifestObject);
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

  /** What reads an object beside the version files, by its relative name. */
  public interface Objects {
    byte[] read(String relative) throws IOException;
  }

  /** Parses a manifest, reading its segments with {@code objects}. */
  public static ManifestFile parse(String name, byte[] json, Objects objects) throws IOException {
    var m = VERSION.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a version manifest: " + name);
    }
    JsonNode root = JSON.readTree(json);
    List<Entry> entries = new ArrayList<>();
    JsonNode segments = root.get("segments");
    if (segments != null && segments.isArray() && segments.size() > 0) {
      for (JsonNode ref : segments) {
        String segment = "segments/" + ref.get("name").asText() + ".json";
        add(entries, JSON.readTree(objects.read(segment)).get("files"), segment);
      }
    } else {
      add(entries, root.get("files"), name);
    }
    return new ManifestFile(Long.parseLong(m.group(1)), List.copyOf(entries));
  }

  private static void add(List<Entry> entries, JsonNode files, String where) throws IOException {
    if (files == null || !files.isArray()) {
      throw new IOException(where + " has no 'files' list");
    }
    for (JsonNode f : files) {
      entries.add(new Entry(f.get("path").asText(), f.path("rows").asLong(-1), f.path("bytes").asLong(-1)));
    }
  }

  /** The listed paths. */
  public List<String> paths() {
    return files.stream().map(Entry::path).toList();
  }
}
