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
 * is read and whose fixed directory is listed, exactly as {@link Locations} lists it; a plain location is read as a
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
      for (String one : expandBraces(path)) {
        if (firstGlob(one) < 0) {
          URI file = uri(scheme, authority, one);
          URI dir = uri(scheme, authority, one.endsWith("/") ? one : one + "/");
          policy = policy.and(grant(file, EnumSet.of(Access.READ), scope))
              .and(grant(dir, EnumSet.of(Access.READ, Access.LIST), scope));
        } else {
          policy = policy.and(grant(uri(scheme, authority, toWildcards(one)), EnumSet.of(Access.READ, Access.LIST),
              scope));
        }
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
