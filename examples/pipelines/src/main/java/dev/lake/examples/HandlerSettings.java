package dev.lake.examples;

import dev.lake.Lake;
import dev.lake.io.ObjectStores;
import dev.lake.sink.s3.S3ObjectStore;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * What the examples' Lambda handlers read from their environment: {@code LAKE_ROOT} (the lake, e.g.
 * {@code s3://shop-lake/lake}), {@code LAKE_DATA} (a folder of input data of the bundled data's shape, e.g.
 * {@code s3://shop-lake/data/}) and optionally {@code LAKE_S3_ENDPOINT} (an S3-compatible endpoint such as s3proxy or
 * MinIO, with path-style access; unset on AWS). A missing variable fails naming it.
 *
 * <pre>{@code
 * HandlerSettings settings = HandlerSettings.fromEnvironment();
 * Lake lake = settings.lake();
 * URI data = settings.data();
 * }</pre>
 */
public final class HandlerSettings {
  private final Map<String, String> env;

  private HandlerSettings(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The process environment, as Lambda sets it from the function's configuration. */
  public static HandlerSettings fromEnvironment() {
    return of(System.getenv());
  }

  /** Settings from a map of the same variables (tests, or a handler configured in code). */
  public static HandlerSettings of(Map<String, String> variables) {
    return new HandlerSettings(Objects.requireNonNull(variables, "variables"));
  }

  /** The lake at {@code LAKE_ROOT}; with {@code LAKE_S3_ENDPOINT} its bucket is served by that endpoint. */
  public Lake lake() {
    URI root = ObjectStores.toUri(required("LAKE_ROOT"));
    String endpoint = env.get("LAKE_S3_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank() && "s3".equals(root.getScheme())) {
      ObjectStores.register(URI.create("s3://" + root.getAuthority()),
          S3ObjectStore.builder().endpointOverride(URI.create(endpoint)).pathStyle(true).build());
    }
    return Lake.at(root);
  }

  /** The input folder at {@code LAKE_DATA}, ending in '/'. Call {@link #lake()} first when both share a bucket. */
  public URI data() {
    String data = required("LAKE_DATA");
    URI uri = ObjectStores.toUri(data.endsWith("/") ? data : data + "/");
    String endpoint = env.get("LAKE_S3_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank() && "s3".equals(uri.getScheme())) {
      ObjectStores.register(URI.create("s3://" + uri.getAuthority()),
          S3ObjectStore.builder().endpointOverride(URI.create(endpoint)).pathStyle(true).build());
    }
    return uri;
  }

  private String required(String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Environment variable " + name + " is not set: set it in the function's "
          + "configuration (see the README, \"Deploying the examples to Lambda\")");
    }
    return value;
  }
}
