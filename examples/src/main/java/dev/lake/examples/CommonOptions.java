package dev.lake.examples;

import dev.lake.Lake;
import dev.lake.io.ObjectStores;
import dev.lake.sink.s3.S3ObjectStore;
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

  @Option(names = "--s3-endpoint", description = "Endpoint of an S3-compatible store (s3proxy, MinIO, LocalStack) "
      + "for an s3:// lake, e.g. http://127.0.0.1:9000; path-style access. Credentials and region come from the "
      + "AWS default chains (AWS_ACCESS_KEY_ID, AWS_REGION, ...).")
  URI s3Endpoint;

  public Lake lake() {
    URI root = ObjectStores.toUri(lake);
    if (s3Endpoint != null) {
      if (!"s3".equals(root.getScheme())) {
        throw new IllegalArgumentException("--s3-endpoint needs an s3:// lake, e.g. --lake s3://bucket/lake; got "
            + lake);
      }
      ObjectStores.register(URI.create("s3://" + root.getAuthority()),
          S3ObjectStore.builder().endpointOverride(s3Endpoint).pathStyle(true).build());
    }
    return Lake.at(root);
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
