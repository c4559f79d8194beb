package dev.lake.source.files;

import dev.lake.io.ObjectInfo;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One listed input file, or a byte range of one. Serializable (unlike {@link ObjectInfo}) so that splits can travel
 * to Spark executors. A range {@code [start, end)} holds the lines that start in it: it begins after the first line
 * break at or after {@code start - 1} and reads through the line that crosses {@code end}, so consecutive ranges read
 * every line exactly once.
 *
 * @param uri the file's URI
 * @param size its size in bytes when listed
 * @param lastModifiedMillis its modification time when listed
 * @param start the first byte of the range (0 for a whole file)
 * @param end the end of the range, exclusive, or -1 for the whole file
 */
record FileRef(String uri, long size, long lastModifiedMillis, long start, long end) implements Serializable {

  static FileRef of(ObjectInfo info) {
    return new FileRef(info.uri().toString(), info.size(), info.lastModified().toEpochMilli(), 0, -1);
  }

  URI toUri() {
    return URI.create(uri);
  }

  /** The identity of what is read: a changed file gets a new id, so its output is not mistaken for the old one's. */
  String id() {
    String file = uri + "@" + size + "@" + lastModifiedMillis;
    return isRange() ? file + "#" + start + "-" + end : file;
  }

  boolean isGzip() {
    return uri.endsWith(".gz") || uri.endsWith(".GZ");
  }

  boolean isRange() {
    return end >= 0;
  }

  /** Where a row is, for errors and rejected rows: {@code file:line}, or {@code file[bytes a-b]:line} in a range. */
  String where(long line) {
    return (isRange() && start > 0 ? uri + "[bytes " + start + "-" + end + "]" : uri) + ":" + line;
  }

  /**
   * This file cut into ranges of {@code bytes} each (the last one shorter), or itself when it is compressed, a range
   * already, or not larger than {@code bytes}; {@code bytes <= 0} never cuts.
   */
  List<FileRef> ranges(long bytes) {
    if (bytes <= 0 || isGzip() || isRange() || size <= bytes) {
      return List.of(this);
    }
    List<FileRef> out = new ArrayList<>();
    for (long from = 0; from < size; from += bytes) {
      out.add(new FileRef(uri, size, lastModifiedMillis, from, Math.min(size, from + bytes)));
    }
    return out;
  }
}
