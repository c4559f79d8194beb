package dev.lake.it.check;

import java.util.List;
import java.util.Map;

/**
 * The newest manifest as read by {@link ManifestFile}, checked against the files themselves.
 *
 * <pre>{@code
 * Committed c = views.committed();
 * assertThat(c.missing()).isEmpty();
 * }</pre>
 *
 * @param version the newest version, 0 before any commit
 * @param listed the files it lists
 * @param present each listed file that exists, with its size and digest
 * @param missing listed files that do not exist
 * @param rowsRead rows DuckDB read from each present file
 * @param view what the present files hold
 */
public record Committed(long version, List<ManifestFile.Entry> listed, Map<String, Fingerprint> present,
    List<String> missing, Map<String, Long> rowsRead, View view) {

  /**
   * A file's size and SHA-256.
   *
   * @param size bytes
   * @param sha256 hex digest of its content
   */
  public record Fingerprint(long size, String sha256) {}
}
