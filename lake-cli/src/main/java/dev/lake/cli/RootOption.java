package dev.lake.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --lake} option every command takes: the lake's root, default {@code $LAKE_ROOT} or {@code ./lake}.
 *
 * <pre>{@code
 * @Mixin RootOption root;
 * OpenedLake lake = root.open();
 * }</pre>
 */
final class RootOption {
  @Option(names = {"--lake", "-l"}, paramLabel = "<root>", defaultValue = "${env:LAKE_ROOT:-./lake}",
      description = "The lake root: a directory or s3://bucket/prefix (default: $LAKE_ROOT, else ./lake).")
  String lake;

  @Option(names = "--s3-endpoint", paramLabel = "<url>", description = "Endpoint of an S3-compatible store "
      + "(MinIO, s3proxy, LocalStack) for an s3:// root, path-style; credentials and region from the AWS chains.")
  java.net.URI s3Endpoint;

  OpenedLake open() {
    return open(lake);
  }

  OpenedLake open(String location) {
    if (s3Endpoint != null) {
      java.net.URI root = dev.lake.io.ObjectStores.toUri(location);
      if (!"s3".equals(root.getScheme())) {
        throw new CliException("--s3-endpoint needs an s3:// root, e.g. --lake s3://bucket/lake; got " + location);
      }
      dev.lake.io.ObjectStores.register(java.net.URI.create("s3://" + root.getAuthority()),
          dev.lake.sink.s3.S3ObjectStore.builder().endpointOverride(s3Endpoint).pathStyle(true).build());
    }
    return OpenedLake.open(location);
  }
}
