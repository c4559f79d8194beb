package dev.lake.it.check;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a lake under test lives, seen without Lake's code: a local directory or an s3proxy bucket. It lists what a
 * plain reader would see, reads the newest manifest's bytes and brings dataset files to local paths for DuckDB.
 * Paths of dataset files are relative to {@code processed/online_retail/}.
 *
 * <pre>{@code
 * LakeLocation lake = LocalLake.in(tempDir);
 * List<String> visible = lake.visibleDataFiles();
 * }</pre>
 */
public interface LakeLocation extends AutoCloseable {
  /** The dataset the tests check. */
  String DATASET_DIR = "processed/online_retail/";
  /** Where its manifests are. */
  String MANIFEST_DIR = "_lake/manifests/processed/online_retail/";

  /** The lake root as the pipeline is given it ({@code file:///...} or {@code s3://bucket/prefix}). */
  URI root();

  /** Options for a child JVM that runs a pipeline on this lake ({@code -D...}). */
  List<String> childJvmOptions();

  /** "local" or "s3proxy", for messages. */
  String kind();

  /**
   * Copies every {@code *.parquet} object a plain reader sees under the dataset (local: nothing to copy) and returns
   * the directory to glob, with the relative paths found.
   */
  Visible visible() throws IOException;

  /** Every object under the dataset prefix, hidden or not, relative to it (s3: ListObjectsV2). */
  List<String> allObjectsUnderDataset() throws IOException;

  /** The name and bytes of the newest {@code v<20 digits>.json} manifest, if any. */
  Optional<Map.Entry<String, byte[]>> newestManifest() throws IOException;

  /** The bytes of an object under the dataset's manifest directory (a segment: {@code segments/<name>.json}). */
  byte[] manifestObject(String relative) throws IOException;

  /** Local copies of these dataset files; a file that does not exist is left out. */
  Map<String, Path> fetch(Collection<String> files) throws IOException;

  /**
   * What a plain listing of the dataset shows.
   *
   * @param dir the directory to glob ({@code <dir>/**}{@code /*.parquet})
   * @param files the relative paths of the {@code *.parquet} files seen
   */
  record Visible(Path dir, List<String> files) {}

  /** Deletes what this location downloaded; the lake stays. */
  @Override
  void close();
}
