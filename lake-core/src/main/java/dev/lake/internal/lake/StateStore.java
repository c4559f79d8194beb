package dev.lake.internal.lake;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lake.exceptions.LakeException;
import dev.lake.io.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pipeline cursors (bookmarks such as the last fixture date or a {@code since_id}), one JSON object per pipeline at
 * {@code _lake/state/<pipeline>.json}. The runner saves them only after every sink has committed, so a failed run
 * starts again from the same cursors.
 */
public final class StateStore {
  private final ObjectStore store;
  private final URI root;

  public StateStore(ObjectStore store, URI root) {
    this.store = store;
    this.root = root;
  }

  private URI uri(String pipeline) {
    return Locations.child(root, "_lake/state/" + pipeline + ".json");
  }

  /** The committed cursors of a pipeline; empty when it never committed one. */
  public Map<String, String> load(String pipeline) {
    try {
      // List first: S3 answers a read of a missing key with 403 (not 404) unless the caller may list the whole
      // bucket, and the least-privilege policy (Pipeline.requiredPermissions) lists only _lake/state/.
      String file = pipeline + ".json";
      if (store.list(Locations.child(root, "_lake/state/"), false).stream().noneMatch(o -> o.fileName().equals(file))) {
        return Map.of();
      }
      byte[] json = store.readAllBytes(uri(pipeline));
      return Json.MAPPER.readValue(json, new TypeReference<TreeMap<String, String>>() {});
    } catch (FileNotFoundException e) {
      return Map.of();
    } catch (IOException e) {
      throw new LakeException("Cannot read the cursors of pipeline " + pipeline + " at " + uri(pipeline) + ": "
          + e.getMessage() + ". Fix or delete the file to start from the beginning.", e);
    }
  }

  /** Replaces the cursors of a pipeline atomically. */
  public void save(String pipeline, Map<String, String> cursors) throws IOException {
    store.write(uri(pipeline), Json.write(new TreeMap<>(cursors)));
  }
}
