package dev.lake.sink.s3;

import dev.lake.exceptions.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A bucket and key parsed from an {@code s3://bucket/key} URI. The key is the URI's decoded path without its leading
 * '/', so a partition directory such as {@code country=a%2Fb} (escaped by the lake as Hive escapes it) stays one
 * path segment in S3 and can never climb out of its prefix.
 */
record S3Location(String bucket, String key) {

  static S3Location of(URI uri) {
    ValidationException.check(uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("s3"),
        "Not an s3:// URI: %s (expected s3://bucket/key)", uri);
    String bucket = uri.getAuthority();
    ValidationException.check(bucket != null && !bucket.isBlank(), "No bucket in %s (expected s3://bucket/key)", uri);
    String path = uri.getPath() == null ? "" : uri.getPath();
    return new S3Location(bucket, path.startsWith("/") ? path.substring(1) : path);
  }

  /** The location as a listing prefix: empty for the bucket's root, otherwise ending in '/'. */
  S3Location asPrefix() {
    return key.isEmpty() || key.endsWith("/") ? this : new S3Location(bucket, key + "/");
  }

  /** The parent "directory" of this key, ending in '/' (empty at the bucket's root). */
  String parentPrefix() {
    int slash = key.lastIndexOf('/', key.endsWith("/") ? key.length() - 2 : key.length());
    return slash < 0 ? "" : key.substring(0, slash + 1);
  }

  static URI uri(String bucket, String key) {
    try {
      return new URI("s3", bucket, "/" + key, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Cannot make a URI of s3://" + bucket + "/" + key, e);
    }
  }

  URI uri() {
    return uri(bucket, key);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
