package dev.lake.source.files;

import dev.lake.io.ObjectInfo;
import java.io.Serializable;
import java.net.URI;

/**
 * One listed input file. Serializable (unlike {@link ObjectInfo}) so that splits can travel to Spark executors.
 *
 * @param uri the file's URI
 * @param size its size in bytes when listed
 * @param lastModifiedMillis its modification time when listed
 */
record FileRef(String uri, long size, long lastModifiedMillis) implements Serializable {

  static FileRef of(ObjectInfo info) {
    return new FileRef(info.uri().toString(), info.size(), info.lastModified().toEpochMilli());
  }

  URI toUri() {
    return URI.create(uri);
  }

  /** The identity of what is read: a changed file gets a new id, so its output is not mistaken for the old one's. */
  String id() {
    return uri + "@" + size + "@" + lastModifiedMillis;
  }

  boolean isGzip() {
    return uri.endsWith(".gz") || uri.endsWith(".GZ");
  }
}
