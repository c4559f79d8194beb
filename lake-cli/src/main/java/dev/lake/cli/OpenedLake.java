package dev.lake.cli;

import dev.lake.DatasetVersion;
import dev.lake.Lake;
import dev.lake.exceptions.LakeException;
import dev.lake.io.Locations;
import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A lake root opened by a command: checked to exist and to hold {@code _lake/}, with its datasets found from the
 * manifests under {@code _lake/manifests/<zone>/<dataset>/}.
 *
 * <pre>{@code
 * OpenedLake root = OpenedLake.open("./lake");
 * for (OpenedLake.Dataset d : root.datasets()) System.out.println(d.name() + " " + root.latest(d).rows());
 * }</pre>
 */
final class OpenedLake {
  private static final String EXAMPLES = "java -jar examples/target/lake-examples.jar all --lake <dir>";

  /**
   * A committed dataset.
   *
   * @param path the dataset path under the root, e.g. {@code processed/songs} or {@code raw/api/fixtures}
   * @param newest the URI of its newest manifest
   */
  record Dataset(String path, URI newest) {
    /** The zone: processed, raw or rejected. */
    String zone() {
      return path.substring(0, path.indexOf('/'));
    }

    /** What users type: {@code songs} for processed datasets, the path otherwise. */
    String name() {
      return zone().equals("processed") ? path.substring("processed/".length()) : path;
    }

    /** The SQL view name: {@code songs}, {@code raw_api_fixtures}, {@code rejected_songplays}. */
    String viewName() {
      return name().replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
    }
  }

  private final Lake lake;
  private List<Dataset> datasets;

  private OpenedLake(Lake lake) {
    this.lake = lake;
  }

  /** Opens a root, or fails with a message that says how to fix the location. */
  static OpenedLake open(String location) {
    URI uri = ObjectStores.toUri(location);
    Lake lake = Lake.at(uri);
    if ("file".equals(uri.getScheme())) {
      Path dir = Path.of(uri);
      if (!Files.isDirectory(dir)) {
        throw new CliException("No lake at " + dir + ": the directory does not exist. Pass the root of a lake "
            + "(lake ls <dir>, or --lake <dir> or s3://bucket/prefix with the other commands); the examples write "
            + "one with: " + EXAMPLES);
      }
      if (!Files.isDirectory(dir.resolve("_lake"))) {
        throw new CliException("No lake at " + dir + ": it holds no _lake/ directory, so it is not a lake root. "
            + childLake(dir).map(c -> "Did you mean " + c + "? ").orElse("")
            + "Pass the directory that holds _lake/ (the root given to Lake.at), or run a pipeline into it first.");
      }
    } else if (list(lake, "_lake/").isEmpty()) {
      throw new CliException("No lake at " + lake.root() + ": nothing under " + lake.root() + "_lake/. Pass the "
          + "root given to Lake.at (s3://bucket/prefix), check the credentials and the region, or run a pipeline "
          + "into it first.");
    }
    return new OpenedLake(lake);
  }

  private static java.util.Optional<Path> childLake(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(c -> Files.isDirectory(c.resolve("_lake"))).sorted().findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  Lake lake() {
    return lake;
  }

  URI root() {
    return lake.root();
  }

  ObjectStore store() {
    return lake.store();
  }

  /** The committed datasets, sorted by path. */
  List<Dataset> datasets() {
    if (datasets == null) {
      Map<String, URI> newest = new TreeMap<>();
      URI manifests = lake.uri("_lake/manifests/");
      for (ObjectInfo o : list(lake, "_lake/manifests/")) {
        String rel = Locations.relativize(manifests, o.uri());
        int slash = rel.lastIndexOf('/');
        if (slash > 0 && rel.indexOf('/') < slash && rel.substring(slash + 1).matches("v\\d{20}\\.json")) {
          newest.merge(rel.substring(0, slash), o.uri(), (a, b) -> a.toString().compareTo(b.toString()) > 0 ? a : b);
        }
      }
      List<Dataset> out = new ArrayList<>();
      newest.forEach((path, uri) -> out.add(new Dataset(path, uri)));
      datasets = List.copyOf(out);
    }
    return datasets;
  }

  /** A dataset by its name or path; an unknown name fails suggesting the closest existing one. */
  Dataset find(String name) {
    String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    for (Dataset d : datasets()) {
      if (d.name().equals(n) || d.path().equals(n) || d.viewName().equals(n)) {
        return d;
      }
    }
    List<String> names = datasets().stream().map(Dataset::name).toList();
    String hint = DidYouMean.closest(n, names).map(c -> " Did you mean '" + c + "'?").orElse("");
    throw new CliException("No dataset '" + name + "' in the lake at " + root() + "." + hint
        + (names.isEmpty() ? " The lake has no committed dataset yet." : " Its datasets: " + String.join(", ", names)
            + " (lake ls lists them)."));
  }

  /** The newest version of a dataset, with all its files. */
  DatasetVersion latest(Dataset d) {
    Optional<DatasetVersion> newest;
    try {
      newest = lake.latest(d.path());
    } catch (LakeException e) {
      throw new LakeException("Cannot read the manifest " + d.newest() + ": " + e.getMessage(), e);
    }
    return newest.orElseThrow(() -> new LakeException("Cannot read the manifest " + d.newest() + ": no version under "
        + d.newest()));
  }

  /** The URI of a file of a dataset, from its path in a manifest. */
  URI fileUri(Dataset d, String file) {
    return lake.uri(d.path() + "/" + file);
  }

  /** Objects under a path of the root, recursively; none when the prefix does not exist. */
  static List<ObjectInfo> list(Lake lake, String relative) {
    try {
      return lake.store().list(lake.uri(relative), true);
    } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new LakeException("Cannot list " + lake.uri(relative) + ": " + e.getMessage(), e);
    }
  }
}
