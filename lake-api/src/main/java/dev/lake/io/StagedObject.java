package dev.lake.io;

import java.io.Serializable;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * An object written in full but not yet visible: a handle that {@link ObjectStore#publish} turns into the object at
 * {@link #target()}, or {@link ObjectStore#discard} removes. Serializable and small, so a commit record can carry it
 * and any process (a retry, the next run rolling a crashed run forward) can publish it later. What the handle holds
 * depends on the store: a hidden file name on a file system, an upload id and part ETags on S3.
 *
 * <pre>{@code
 * // given: URI uri, byte[] bytes
 * try (ObjectWriter out = store.newStagedWriter(uri)) {
 *   out.write(bytes);
 *   out.commit();                       // complete and durable, still invisible
 *   StagedObject staged = out.staged();
 *   store.publish(staged);              // visible now; publishing again does nothing
 * }
 * }</pre>
 *
 * @param target where the object appears once published
 * @param bytes its size
 * @param token what the store needs to publish or discard it (store-specific; never credentials)
 */
public record StagedObject(URI target, long bytes, Map<String, String> token) implements Serializable {
  public StagedObject {
    Objects.requireNonNull(target, "target");
    token = Map.copyOf(token);
  }
}
