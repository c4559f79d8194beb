package dev.lake.source.files;

import dev.lake.exceptions.SourceException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.PatternSyntaxException;

/**
 * Turns locations (URIs or plain paths, with globs {@code * ** ? {a,b} [ab]} in the path) into the files they name,
 * sorted by URI. A glob lists the longest directory prefix without glob characters, recursively when the pattern
 * spans directories, and keeps the objects whose relative path matches. {@code dir/**}{@code /x} also matches
 * {@code dir/x} (as in shells with globstar), which java.nio's glob alone does not.
 */
final class FileGlobs {
  private static final String GLOB_CHARS = "*?{[";

  private FileGlobs() {}

  /** Checks the locations' syntax, without I/O. */
  static void validate(List<String> locations, String connector) {
    ValidationException.check(!locations.isEmpty(),
        "%s source has no location: call .from(\"file:///data/*.%s\") (a URI, a path or a glob) before reading",
        connector, connector);
    for (String location : locations) {
      ValidationException.check(location != null && !location.isBlank(),
          "%s source: a location is blank; give a URI (s3://bucket/prefix/*.%s) or a path", connector, connector);
    }
  }

  /** The files all locations name, without duplicates, sorted by URI; a location naming none is an error. */
  static List<FileRef> resolve(List<String> locations, String connector) {
    return resolve(locations, connector, (uri, pattern) -> { });
  }

  /**
   * The same, and each file that a glob's listing found but no location takes goes to {@code unread} with the
   * pattern it missed (hidden names, starting with {@code .} or {@code _}, excepted: {@code _SUCCESS}, {@code .crc}).
   */
  static List<FileRef> resolve(List<String> locations, String connector, BiConsumer<String, String> unread) {
    Map<String, FileRef> files = new LinkedHashMap<>();
    Map<String, String> missed = new TreeMap<>();
    for (String location : locations) {
      List<FileRef> found;
      try {
        found = resolve(location, missed);
      } catch (IOException e) {
        throw new SourceException(connector, "Cannot list " + location + ": " + e.getMessage(), e);
      }
      if (found.isEmpty()) {
        throw new SourceException(connector, "No files found at " + location
            + ": check the path and the pattern (globs: * ** ? {a,b}), and that the files exist", null);
      }
      found.forEach(f -> files.putIfAbsent(f.uri(), f));
    }
    missed.forEach((uri, pattern) -> {
      if (!files.containsKey(uri)) {
        unread.accept(uri, pattern);
      }
    });
    List<FileRef> sorted = new ArrayList<>(files.values());
    sorted.sort(Comparator.comparing(FileRef::uri));
    return sorted;
  }

  private static List<FileRef> resolve(String location, Map<String, String> missed) throws IOException {
    boolean isUri = location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    int pathStart = isUri ? location.indexOf('/', location.indexOf("://") + 3) : 0;
    int glob = firstGlob(location, Math.max(pathStart, 0));
    if (glob < 0) {
      URI uri = toUri(location);
      ObjectStore store = ObjectStores.forUri(uri);
      // A directory first: on S3, a HEAD of a key that is not an object answers 403, not 404, unless the caller may
      // list the whole bucket, and the least-privilege policy (FilePermissions) lists only this prefix.
      String dir = uri.toString().endsWith("/") ? uri.toString() : uri + "/";
      List<ObjectInfo> under = store.list(URI.create(dir), true);
      if (!under.isEmpty() || uri.toString().endsWith("/")) {
        return refs(under); // a directory: every file under it
      }
      Optional<ObjectInfo> file = store.stat(uri);
      return file.isPresent() ? List.of(FileRef.of(file.get())) : List.of();
    }
    int slash = location.lastIndexOf('/', glob);
    String prefix = slash < 0 ? "." : location.substring(0, slash + 1);
    String pattern = location.substring(slash + 1);
    URI prefixUri = toUri(prefix);
    String dir = prefixUri.toString().endsWith("/") ? prefixUri.toString() : prefixUri + "/";
    boolean recursive = pattern.contains("/") || pattern.contains("**");
    ObjectStore store = ObjectStores.forUri(prefixUri);
    String base = URI.create(dir).getPath();
    List<PathMatcher> matchers = new ArrayList<>();
    matchers.add(matcher(pattern, location));
    if (pattern.contains("**/")) {
      matchers.add(matcher(pattern.replace("**/", ""), location));
    }
    List<FileRef> out = new ArrayList<>();
    for (ObjectInfo info : store.list(URI.create(dir), recursive)) {
      String path = info.uri().getPath();
      if (path == null || !path.startsWith(base)) {
        continue;
      }
      Path relative = Path.of(path.substring(base.length()));
      if (matchers.stream().anyMatch(m -> m.matches(relative))) {
        out.add(FileRef.of(info));
      } else if (!hidden(relative)) {
        missed.putIfAbsent(info.uri().toString(), location);
      }
    }
    return out;
  }

  private static PathMatcher matcher(String pattern, String location) {
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    } catch (PatternSyntaxException e) {
      throw new ValidationException("Invalid glob '" + pattern + "' in location '" + location + "': "
          + e.getDescription() + " at index " + e.getIndex() + "; close every [ and {, or escape a literal *, ?, [ "
          + "or { with a backslash");
    }
  }

  private static URI toUri(String location) {
    return ObjectStores.toUri(location); // a ValidationException naming the location and the fix
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private static int firstGlob(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (GLOB_CHARS.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static List<FileRef> refs(List<ObjectInfo> infos) {
    List<FileRef> out = new ArrayList<>(infos.size());
    infos.forEach(i -> out.add(FileRef.of(i)));
    return out;
  }
}
