package dev.lake.source.files;

import dev.lake.iam.Access;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.io.ObjectStores;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What reading the files of a {@link CsvSource} or {@link JsonSource} needs, in each location's object store: a glob
 * becomes an IAM pattern ({@code *}, {@code **}, {@code [ab]} -> wildcards, {@code {a,b}} -> one pattern each) that
 * is read and whose fixed directory is listed, exactly as {@link FileGlobs} lists it; a plain location is read as a
 * file, and as a directory when it is one; a split reads just its file. Plain paths are local: nothing.
 *
 * <pre>{@code
 * IamPolicy p = FilePermissions.of(List.of("s3://b/in/*.csv"), null, IamScope.unknown());
 * // s3:GetObject on arn:aws:s3:::b/in/*.csv, s3:ListBucket on arn:aws:s3:::b if s3:prefix = in/
 * }</pre>
 */
final class FilePermissions {
  private static final String GLOB_CHARS = "*?{[";

  private FilePermissions() {}

  static IamPolicy of(List<String> locations, List<FileRef> files, IamScope scope) {
    IamPolicy policy = IamPolicy.empty();
    if (files != null) {
      for (FileRef f : files) {
        policy = policy.and(grant(f.toUri(), EnumSet.of(Access.READ), scope));
      }
      return policy;
    }
    for (String location : locations) {
      if (!location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
        continue; // a plain path: local files
      }
      int pathStart = location.indexOf('/', location.indexOf("://") + 3);
      String scheme = location.substring(0, location.indexOf("://"));
      String authority = location.substring(location.indexOf("://") + 3, pathStart < 0 ? location.length()
          : pathStart);
      String path = pathStart < 0 ? "/" : location.substring(pathStart);
      int glob = firstGlob(path);
      if (glob < 0) {
        URI file = uri(scheme, authority, path);
        URI dir = uri(scheme, authority, path.endsWith("/") ? path : path + "/");
        policy = policy.and(grant(file, EnumSet.of(Access.READ), scope))
            .and(grant(dir, EnumSet.of(Access.READ, Access.LIST), scope));
        continue;
      }
      // FileGlobs lists the directory before the first glob character, then matches; each alternative is read
      policy = policy.and(grant(uri(scheme, authority, path.substring(0, path.lastIndexOf('/', glob) + 1)),
          EnumSet.of(Access.LIST), scope));
      for (String one : expand(path)) {
        policy = policy.and(grant(uri(scheme, authority, toWildcards(one)), EnumSet.of(Access.READ), scope));
      }
    }
    return policy;
  }

  private static IamPolicy grant(URI location, Set<Access> access, IamScope scope) {
    return ObjectStores.forUri(location).permissions(location, access, scope);
  }

  /** {@code **}{@code /} and {@code **} and {@code *} -> '*' (IAM's spans '/'), {@code [..]} and '?' -> '?'. */
  static String toWildcards(String glob) {
    String s = glob.replace("**/", "*").replace("**", "*").replaceAll("\\[[^]]*]", "?");
    return s.replaceAll("\\*+", "*");
  }

  /**
   * Braces and small character classes as alternatives, so that the IAM patterns are as tight as the glob:
   * {@code a{b,c}d} -> abd, acd; {@code x[12]} and {@code x[1-2]} -> x1, x2. A negated or large class stays a
   * class (and becomes '?').
   */
  static List<String> expand(String s) {
    List<String> out = new ArrayList<>();
    for (String braces : expandBraces(s)) {
      out.addAll(expandClasses(braces));
    }
    return out;
  }

  private static List<String> expandClasses(String s) {
    int open = s.indexOf('[');
    int close = open < 0 ? -1 : s.indexOf(']', open + 1);
    if (close < 0) {
      return List.of(s);
    }
    String body = s.substring(open + 1, close);
    StringBuilder chars = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
        for (char c = body.charAt(i); c <= body.charAt(i + 2); c++) {
          chars.append(c);
        }
        i += 2;
      } else {
        chars.append(body.charAt(i));
      }
    }
    if (body.startsWith("!") || body.startsWith("^") || chars.length() == 0 || chars.length() > 16) {
      List<String> rest = expandClasses(s.substring(close + 1));
      return rest.stream().map(r -> s.substring(0, close + 1) + r).toList();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < chars.length(); i++) {
      out.addAll(expandClasses(s.substring(0, open) + chars.charAt(i) + s.substring(close + 1)));
    }
    return out;
  }

  /** {@code a{b,c}d{e,f}} -> abde, abdf, acde, acdf (no nesting, as in most file globs). */
  static List<String> expandBraces(String s) {
    int open = s.indexOf('{');
    int close = open < 0 ? -1 : s.indexOf('}', open);
    if (close < 0) {
      return List.of(s);
    }
    List<String> out = new ArrayList<>();
    for (String alt : s.substring(open + 1, close).split(",", -1)) {
      out.addAll(expandBraces(s.substring(0, open) + alt + s.substring(close + 1)));
    }
    return out;
  }

  private static int firstGlob(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (GLOB_CHARS.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static URI uri(String scheme, String authority, String path) {
    try {
      return new URI(scheme, authority, path, null, null);
    } catch (URISyntaxException e) {
      throw new dev.lake.exceptions.ValidationException("Invalid location " + scheme + "://" + authority + path
          + ": " + e.getMessage());
    }
  }
}
