package dev.lake.internal.lake;

import dev.lake.io.DataFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manifest version a publication makes on top of the newest one, by write mode: {@code APPEND} adds,
 * {@code OVERWRITE} replaces everything, {@code OVERWRITE_PARTITIONS} replaces the partitions it writes,
 * {@code COMPACT} swaps each group whose inputs are all still live (the others are {@code inapplicable}: their
 * outputs are not taken). The ledger follows the files: a replaced file's splits leave with it.
 *
 * <pre>{@code
 * NextVersion next = NextVersion.of(latest, publication, "online-retail", 7, runId);
 * manifests.create(next.manifest());
 * }</pre>
 *
 * @param manifest the next version
 * @param inapplicable paths of compaction outputs not taken
 */
record NextVersion(Manifest manifest, List<String> inapplicable) {

  static NextVersion of(Manifest latest, Publication pub, String pipeline, long stateVersion, String runId) {
    List<DataFile> before = latest == null ? List.of() : latest.files();
    Set<String> empty = new LinkedHashSet<>(latest == null ? List.of() : latest.emptySplits());
    Map<String, DataFile> live = new LinkedHashMap<>();
    List<String> inapplicable = new ArrayList<>();
    switch (pub.mode()) {
      case "APPEND", "COMPACT" -> before.forEach(f -> live.put(f.path(), f));
      case "OVERWRITE" -> empty.clear();
      case "OVERWRITE_PARTITIONS" -> {
        Set<Map<String, String>> touched = new HashSet<>();
        pub.files().forEach(f -> touched.add(f.partition()));
        before.stream().filter(f -> !touched.contains(f.partition())).forEach(f -> live.put(f.path(), f));
      }
      default -> throw new IllegalArgumentException("Unknown write mode " + pub.mode() + " in a publication");
    }
    for (Publication.Swap swap : pub.replaces()) {
      if (live.keySet().containsAll(swap.inputs())) {
        swap.inputs().forEach(live::remove);
      } else {
        inapplicable.addAll(swap.outputs());
      }
    }
    List<String> added = new ArrayList<>();
    for (DataFile f : pub.files()) {
      if (!inapplicable.contains(f.path()) && live.put(f.path(), f) == null) {
        added.add(f.path()); // a path already live is the same file published again: not added twice
      }
    }
    empty.addAll(pub.emptySplits());
    List<String> removed = before.stream().map(DataFile::path).filter(p -> !live.containsKey(p)).toList();
    Map<String, Long> published = new LinkedHashMap<>(latest == null ? Map.of() : latest.published());
    if (stateVersion > 0) {
      published.put(pipeline, stateVersion);
    }
    Manifest next = new Manifest(Manifest.FORMAT, pub.dataset(), latest == null ? 1 : latest.version() + 1,
        Instant.now(), pipeline, runId, null, pub.mode(),
        pub.format() != null ? pub.format() : latest == null ? null : latest.format(),
        pub.partitionBy().isEmpty() && latest != null ? latest.partitionBy() : pub.partitionBy(),
        pub.schema() != null ? pub.schema() : latest == null ? null : latest.schema(),
        new ArrayList<>(live.values()), added, removed, Map.of(), new ArrayList<>(empty), published, List.of());
    return new NextVersion(next, inapplicable);
  }
}
