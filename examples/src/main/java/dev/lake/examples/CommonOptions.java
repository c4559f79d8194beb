package dev.lake.examples;

import dev.lake.Lake;
import dev.lake.io.ObjectStores;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options every example takes: where the lake is and where the input data is.
 *
 * <pre>{@code
 * @Mixin CommonOptions options;
 * Lake lake = options.lake();
 * }</pre>
 */
public final class CommonOptions {
  @Option(names = "--lake", defaultValue = "./lake", description = "Lake root: a directory or s3://bucket/prefix "
      + "(default: ${DEFAULT-VALUE}).")
  String lake;

  @Option(names = "--data", description = "Input data folder (default: the bundled ./data of this repository).")
  String data;

  public Lake lake() {
    return Lake.at(lake);
  }

  /** The data folder as a directory URI. */
  public URI data() {
    if (data != null) {
      return directory(ObjectStores.toUri(data));
    }
    for (Path candidate : new Path[] {Path.of("data"), Path.of("../data"), jarRelative()}) {
      if (candidate != null && Files.isDirectory(candidate.resolve("online_retail"))) {
        return directory(candidate.toAbsolutePath().normalize().toUri());
      }
    }
    throw new IllegalStateException("Cannot find the bundled data folder (./data with online_retail/ inside): run "
        + "from the repository root or pass --data <dir>");
  }

  private static Path jarRelative() {
    try {
      Path jar = Path.of(CommonOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent() == null || jar.getParent().getParent() == null ? null
          : jar.getParent().getParent().getParent().resolve("data");
    } catch (Exception e) {
      return null;
    }
  }

  private static URI directory(URI uri) {
    return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
  }
}
