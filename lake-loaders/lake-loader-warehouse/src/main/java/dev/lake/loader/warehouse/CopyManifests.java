package dev.lake.loader.warehouse;

import dev.lake.exceptions.SinkException;
import dev.lake.io.DataFile;
import dev.lake.io.Locations;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Redshift COPY manifests for committed files: {@code {"entries":[{"url":"s3://…","mandatory":true,
 * "meta":{"content_length":N}}]}} (content_length is required for Parquet). Written under
 * {@code <root>/_lake/copy-manifests/<dataset>/v<version>/from-v<previous>-<table hash>/part-<n>.json}: a load is
 * known by its target, the version it loads and the version the table held, so a retried load rewrites the same
 * objects and loads of the same version into other tables never share them.
 */
final class CopyManifests {
  /** Where the COPY manifests of a dataset go, under the lake root: {@code _lake/copy-manifests/<dataset>/}. */
  static final String PREFIX = "_lake/copy-manifests/";

  private CopyManifests() {}

  static URI location(Snapshot snap, LoadPlan plan, String table, int group) {
    String hash = java.util.HexFormat.of().toHexDigits(table.hashCode());
    return Locations.child(snap.lake().root(), String.format(PREFIX + "%s/v%020d/from-v%d-%s/part-%05d.json",
        snap.dataset(), plan.version(), plan.previousVersion(), hash, group));
  }

  /** An object's S3 URL as COPY wants it: the bucket and the key, not percent-encoded. */
  static String s3Url(URI uri) {
    return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
  }

  static String json(Snapshot snap, List<DataFile> files) {
    StringBuilder sb = new StringBuilder("{\"entries\":[");
    for (int i = 0; i < files.size(); i++) {
      DataFile f = files.get(i);
      sb.append(i == 0 ? "\n  " : ",\n  ").append("{\"url\":");
      jsonString(sb, s3Url(snap.uri(f)));
      sb.append(",\"mandatory\":true,\"meta\":{\"content_length\":").append(f.bytes()).append("}}");
    }
    return sb.append("\n]}\n").toString();
  }

  static void write(Snapshot snap, URI uri, List<DataFile> files) {
    try {
      snap.lake().store().write(uri, json(snap, files).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SinkException("redshift", "Cannot write the COPY manifest " + uri + ": " + e.getMessage(), e);
    }
  }

  static void jsonString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
