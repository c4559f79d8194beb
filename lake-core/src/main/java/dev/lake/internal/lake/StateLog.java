package dev.lake.internal.lake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lake.exceptions.CommitStateUnknownException;
import dev.lake.exceptions.LakeException;
import dev.lake.io.Locations;
import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A pipeline's commits: {@code _lake/state/<pipeline>/v<version>.json}, one immutable entry per committed run, each
 * created with a conditional create. An entry is the run's commit: its cursors, the splits it committed and what it
 * publishes into each dataset, in one conditional write, so no kill can leave data committed and cursors behind it
 * (or the reverse). The newest entry's cursors are the pipeline's cursors. Only the newest entry may be unpublished:
 * a run commits on top of an entry only once it is published.
 *
 * <pre>{@code
 * StateLog log = lake.stateLog();
 * Optional<StateLog.Entry> head = log.head("online-retail");
 * Map<String, String> cursors = log.cursors("online-retail");
 * }</pre>
 */
public final class StateLog {
  /** Entries kept beyond the newest ones, at least; older ones go once they are also older than a day. */
  static final int KEEP = 100;

  private final ObjectStore store;
  private final URI root;

  public StateLog(ObjectStore store, URI root) {
    this.store = store;
    this.root = Locations.directory(root);
  }

  /**
   * One committed run of a pipeline.
   *
   * @param formatVersion 1
   * @param pipeline the pipeline
   * @param version this entry's version, from 1
   * @param runId the run that committed it
   * @param committedAt when
   * @param cursors the pipeline's cursors after this run (all of them)
   * @param splits the ids of the splits this run committed
   * @param publications what it publishes, one per dataset
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(int formatVersion, String pipeline, long version, String runId, Instant committedAt,
      Map<String, String> cursors, List<String> splits, List<Publication> publications) {
    public Entry {
      cursors = cursors == null ? Map.of() : new TreeMap<>(cursors);
      splits = splits == null ? List.of() : List.copyOf(splits);
      publications = publications == null ? List.of() : List.copyOf(publications);
    }
  }

  URI directory(String pipeline) {
    return Locations.directory(Locations.child(root, "_lake/state/" + pipeline));
  }

  private URI uri(String pipeline, long version) {
    return Locations.child(directory(pipeline), String.format("v%020d.json", version));
  }

  /** The newest entry of a pipeline, if it ever committed. */
  public Optional<Entry> head(String pipeline) throws IOException {
    List<ObjectInfo> versions = versions(pipeline);
    return versions.isEmpty() ? Optional.empty() : Optional.of(read(versions.get(versions.size() - 1).uri()));
  }

  /** The entries after {@code version}, oldest first. */
  public List<Entry> after(String pipeline, long version) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (ObjectInfo info : versions(pipeline)) {
      if (versionOf(info) > version) {
        out.add(read(info.uri()));
      }
    }
    return out;
  }

  private List<ObjectInfo> versions(String pipeline) throws IOException {
    return store.list(directory(pipeline), false).stream()
        .filter(o -> o.fileName().matches("v\\d{20}\\.json")).toList();
  }

  private static long versionOf(ObjectInfo info) {
    return Long.parseLong(info.fileName().substring(1, 21));
  }

  private Entry read(URI uri) throws IOException {
    try {
      return Json.read(store.readAllBytes(uri), Entry.class);
    } catch (FileNotFoundException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("Corrupt pipeline state " + uri + ": " + e.getMessage(), e);
    }
  }

  /**
   * Commits {@code entry} with a conditional create: false when another run took its version first.
   *
   * @throws CommitStateUnknownException when the store failed so that the commit may or may not have happened
   */
  public boolean create(Entry entry) {
    try {
      return store.createIfAbsent(uri(entry.pipeline(), entry.version()), Json.write(entry));
    } catch (IOException e) {
      throw new CommitStateUnknownException("The commit of run " + entry.runId() + " of " + entry.pipeline()
          + " (state version " + entry.version() + ") may or may not have happened: " + e.getMessage()
          + ". Run the pipeline again: the next run finds out, and publishes the commit or starts over.", e);
    }
  }

  /** The committed cursors of a pipeline: its newest entry's, else those of a state file of Lake before 0.2. */
  public Map<String, String> cursors(String pipeline) {
    Optional<Entry> head;
    try {
      head = head(pipeline);
    } catch (IOException e) {
      throw cannotRead(pipeline, e);
    }
    return head.isPresent() ? head.get().cursors() : legacyCursors(pipeline);
  }

  /**
   * The cursors of a state file of Lake before 0.2, or none: what a pipeline with no entry in the log starts from
   * (the caller has read the log's head already).
   */
  public Map<String, String> legacyCursors(String pipeline) {
    try {
      String legacy = pipeline + ".json";
      if (store.list(Locations.child(root, "_lake/state/"), false).stream()
          .noneMatch(o -> o.fileName().equals(legacy))) {
        return Map.of();
      }
      byte[] json = store.readAllBytes(Locations.child(root, "_lake/state/" + legacy));
      return Json.readStringMap(json, "the cursors of " + pipeline);
    } catch (IOException e) {
      throw cannotRead(pipeline, e);
    }
  }

  private LakeException cannotRead(String pipeline, IOException e) {
    return new LakeException("Cannot read the cursors of pipeline " + pipeline + " under " + directory(pipeline)
        + ": " + e.getMessage(), e);
  }

  /** Deletes entries beyond the newest {@link #KEEP} that are also older than {@code before}. */
  public void expire(String pipeline, Instant before) throws IOException {
    List<ObjectInfo> versions = versions(pipeline);
    List<URI> old = new ArrayList<>();
    for (int i = 0; i < versions.size() - KEEP; i++) {
      if (versions.get(i).lastModified().isBefore(before)) {
        old.add(versions.get(i).uri());
      }
    }
    store.deleteAll(old);
  }
}
