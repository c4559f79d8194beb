package dev.lake.it.check;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A lake in a local directory.
 *
 * <pre>{@code
 * LakeLocation lake = LocalLake.in(tempDir.resolve("lake"));
 * }</pre>
 */
public final class LocalLake implements LakeLocation {
  private final Path root;

  private LocalLake(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** A lake rooted at {@code dir} (created by the first run). */
  public static LocalLake in(Path dir) {
    return new LocalLake(dir);
  }

  /** The root directory. */
  public Path dir() {
    return root;
  }

  @Override
  public URI root() {
    return root.toUri();
  }

  @Override
  public List<String> childJvmOptions() {
    return List.of();
  }

  @Override
  public String kind() {
    return "local";
  }

  @Override
  public Visible visible() throws IOException {
    Path dataset = root.resolve(DATASET_DIR);
    return new Visible(dataset, walk(dataset).stream().filter(f -> f.endsWith(".parquet")).toList());
  }

  @Override
  public List<String> allObjectsUnderDataset() throws IOException {
    return walk(root.resolve(DATASET_DIR));
  }

  private static List<String> walk(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(dir)) {
      all.filter(Files::isRegularFile).forEach(f -> files.add(dir.relativize(f).toString().replace('\\', '/')));
    }
    files.sort(null);
    return files;
  }

  @Override
  public Optional<Map.Entry<String, byte[]>> newestManifest() throws IOException {
    Path dir = root.resolve(MANIFEST_DIR);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      Optional<Path> newest = files.filter(f -> ManifestFile.isVersion(f.getFileName().toString()))
          .max(java.util.Comparator.comparing(f -> f.getFileName().toString()));
      return newest.isEmpty() ? Optional.empty()
          : Optional.of(Map.entry(newest.get().getFileName().toString(), Files.readAllBytes(newest.get())));
    }
  }

  @Override
  public byte[] manifestObject(String relative) throws IOException {
    return Files.readAllBytes(root.resolve(MANIFEST_DIR).resolve(relative));
  }

  @Override
  public Map<String, Path> fetch(Collection<String> files) {
    Map<String, Path> out = new LinkedHashMap<>();
    for (String f : files) {
      Path p = root.resolve(DATASET_DIR).resolve(f);
      if (Files.isRegularFile(p)) {
        out.put(f, p);
      }
    }
    return out;
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "local lake " + root;
  }
}
