package dev.lake.internal.lake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lake.io.DataFile;
import dev.lake.io.Locations;
import dev.lake.io.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The immutable pieces a manifest version is made of, so that a version file lists its segments instead of repeating
 * every live file and every split of the dataset's history: a commit writes one segment for what it adds and rewrites
 * only the segments that lost files (as Iceberg's manifest lists point to manifests). Segments live at
 * {@code _lake/manifests/<dataset>/segments/<name>.json}; past {@value #MAX} segments a commit merges them into one.
 * Immutable content, so reads are cached.
 *
 * <pre>{@code
 * List<SegmentRef> refs = segments.write(dataset, next, previous, runId);
 * List<Segments.Loaded> loaded = segments.load(dataset, refs);
 * }</pre>
 */
final class Segments {
  /** Segments a version may list before a commit merges them into one. */
  static final int MAX = 32;
  private static final int CACHED = 256;
  private static final Map<String, Segment> CACHE = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Segment> eldest) {
          return size() > CACHED;
        }
      });

  private final ManifestStore manifests;
  private final ObjectStore store;

  Segments(ManifestStore manifests) {
    this.manifests = manifests;
    this.store = manifests.store();
  }

  /** A segment as stored: some files of the dataset and some splits committed with no row in it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Segment(List<DataFile> files, List<String> emptySplits) {
    Segment {
      files = files == null ? List.of() : List.copyOf(files);
      emptySplits = emptySplits == null ? List.of() : List.copyOf(emptySplits);
    }
  }

  /** A segment read back, with its name. */
  record Loaded(String name, Segment segment) {}

  URI directory(String dataset) {
    return Locations.directory(Locations.child(manifests.manifestDirectory(dataset), "segments"));
  }

  private URI uri(String dataset, String name) {
    return Locations.child(directory(dataset), name + ".json");
  }

  List<Loaded> load(String dataset, List<SegmentRef> refs) throws IOException {
    List<Loaded> out = new ArrayList<>();
    for (SegmentRef ref : refs) {
      URI uri = uri(dataset, ref.name());
      Segment s = CACHE.get(uri.toString());
      if (s == null) {
        try {
          s = Json.read(store.readAllBytes(uri), Segment.class);
        } catch (FileNotFoundException e) {
          throw new FileNotFoundException("Segment " + ref.name() + " of " + dataset + " is missing (" + uri
              + "): the manifest cannot be read");
        }
        CACHE.put(uri.toString(), s);
      }
      out.add(new Loaded(ref.name(), s));
    }
    return out;
  }

  /**
   * Writes the segments of {@code next}, reusing those of {@code previous} (null for none) whose files are all still
   * live, and returns the refs the version file lists.
   */
  List<SegmentRef> write(String dataset, Manifest next, Manifest previous, String runId) throws IOException {
    Set<String> live = new HashSet<>();
    next.files().forEach(f -> live.add(f.path()));
    Set<String> empty = new LinkedHashSet<>(next.emptySplits());
    Map<String, DataFile> unplaced = new LinkedHashMap<>();
    next.files().forEach(f -> unplaced.put(f.path(), f));
    List<SegmentRef> refs = new ArrayList<>();
    List<Segment> toWrite = new ArrayList<>();
    for (Loaded old : loaded(dataset, previous)) {
      List<DataFile> kept = old.segment().files().stream().filter(f -> live.contains(f.path())).toList();
      List<String> keptEmpty = old.segment().emptySplits().stream().filter(empty::contains).toList();
      kept.forEach(f -> unplaced.remove(f.path()));
      empty.removeAll(keptEmpty);
      if (old.name() != null && kept.size() == old.segment().files().size()
          && keptEmpty.size() == old.segment().emptySplits().size()) {
        refs.add(ref(old.name(), old.segment()));
      } else if (!kept.isEmpty() || !keptEmpty.isEmpty()) {
        toWrite.add(new Segment(kept, keptEmpty));
      }
    }
    if (!unplaced.isEmpty() || !empty.isEmpty()) {
      toWrite.add(new Segment(new ArrayList<>(unplaced.values()), new ArrayList<>(empty)));
    }
    if (refs.size() + toWrite.size() > MAX) {
      return List.of(put(dataset, runId, next.version(), 0, new Segment(next.files(), next.emptySplits())));
    }
    int k = 0;
    for (Segment s : toWrite) {
      refs.add(put(dataset, runId, next.version(), k++, s));
    }
    return refs;
  }

  /** The segments of {@code previous}: its stored ones, or for a version of an older format one unnamed segment. */
  private List<Loaded> loaded(String dataset, Manifest previous) throws IOException {
    if (previous == null) {
      return List.of();
    }
    if (previous.segments().isEmpty()) {
      return List.of(new Loaded(null, new Segment(previous.files(), previous.emptySplits())));
    }
    return load(dataset, previous.segments());
  }

  /**
   * Creates a segment, never replacing one (the manifest directory is create-only): a retried commit rewriting the
   * same bytes finds them there; an earlier attempt's different segment of the same name, which no version lists,
   * is left alone and this one gets a fresh name.
   */
  private SegmentRef put(String dataset, String runId, long version, int k, Segment s) throws IOException {
    byte[] bytes = Json.write(s);
    String name = runId + "-v" + version + "-" + k;
    URI uri = uri(dataset, name);
    while (!store.createIfAbsent(uri, bytes)) {
      name = runId + "-v" + version + "-" + k + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
      uri = uri(dataset, name);
    }
    CACHE.put(uri.toString(), s);
    return ref(name, s);
  }

  private static SegmentRef ref(String name, Segment s) {
    return new SegmentRef(name, s.files().size(), s.files().stream().mapToLong(DataFile::rows).sum(),
        s.files().stream().mapToLong(DataFile::bytes).sum());
  }

  /** The names of every segment the retained versions list. */
  static Set<String> names(List<Manifest> versions) {
    Set<String> names = new HashSet<>();
    versions.forEach(v -> v.segments().forEach(r -> names.add(r.name())));
    return names;
  }
}
