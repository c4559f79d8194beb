package dev.lake.internal.lake;

import dev.lake.io.Locations;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import java.io.Serializable;
import java.net.URI;

/**
 * What the engine needs of a lake: its root directory URI and the object store it is in. The entry points
 * ({@code dev.lake.Lake}, {@code LakeSink}, {@code Pipeline}) build it from the user's {@code Lake}, so the engine
 * does not depend on the API type. Serializable (the root only), as sources and plans that carry it go to other
 * machines; the store is looked up by the root's scheme when asked for, as {@code Lake.store()} does.
 *
 * <pre>{@code
 * LakeRoot lake = new LakeRoot(URI.create("s3://bucket/lake/"));
 * URI reports = lake.uri("_lake/runs/");   // s3://bucket/lake/_lake/runs/
 * ManifestStore manifests = ManifestStore.of(lake);
 * }</pre>
 *
 * @param root the lake's root, made a directory URI (ending in '/')
 */
public record LakeRoot(URI root) implements Serializable {
  public LakeRoot {
    root = Locations.directory(root);
  }

  /** The URI of a path under the root, e.g. {@code uri("processed/sales/")}. */
  public URI uri(String relative) {
    return Locations.child(root, relative);
  }

  /** The object store the lake is in ({@code file://} or the one registered for its scheme, e.g. S3). */
  public ObjectStore store() {
    return ObjectStores.forUri(root);
  }
}
