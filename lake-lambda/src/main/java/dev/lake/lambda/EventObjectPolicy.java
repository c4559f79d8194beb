package dev.lake.lambda;

import dev.lake.iam.IamPolicy;
import dev.lake.iam.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the policy of a pipeline built for one stand-in object into the policy for any object in its place: the
 * stand-in's name becomes {@code *} in every ARN and condition value ({@code StringEquals} turning into
 * {@code StringLike} where it does), and a {@code …/*}{@code /*} grant that another grant's {@code …/*} already
 * covers is dropped (the stand-in read as a directory), so the policy does not repeat itself.
 *
 * <pre>{@code
 * IamPolicy exact = pipelineFor(URI.create("s3://b/in/STAND-IN")).requiredPermissions(scope);
 * IamPolicy any = EventObjectPolicy.generalize(exact, "STAND-IN");
 * }</pre>
 */
final class EventObjectPolicy {
  private EventObjectPolicy() {}

  static IamPolicy generalize(IamPolicy exact, String standIn) {
    List<Permission> general = new ArrayList<>();
    for (Permission p : exact.permissions()) {
      general.addAll(generalize(p, standIn));
    }
    IamPolicy policy = IamPolicy.of(withoutCovered(general));
    for (String part : exact.undeclared()) {
      policy = policy.and(IamPolicy.undeclared(part));
    }
    return policy;
  }

  private static List<Permission> generalize(Permission p, String standIn) {
    Set<String> resources = new TreeSet<>();
    p.resources().forEach(r -> resources.add(r.replace(standIn, "*")));
    boolean inConditions = p.conditions().values().stream().flatMap(k -> k.values().stream())
        .flatMap(Set::stream).anyMatch(v -> v.contains(standIn));
    if (!inConditions) {
      return List.of(p.withResources(resources));
    }
    if (p.conditions().size() != 1 || p.conditions().values().iterator().next().size() != 1) {
      throw new IllegalStateException("Cannot generalize a grant with several condition keys: " + p);
    }
    var op = p.conditions().entrySet().iterator().next();
    var key = op.getValue().entrySet().iterator().next();
    String[] exact = key.getValue().stream().filter(v -> !v.contains(standIn)).toArray(String[]::new);
    String[] patterns = key.getValue().stream().filter(v -> v.contains(standIn))
        .map(v -> v.replace(standIn, "*")).toArray(String[]::new);
    Permission bare = Permission.allow(p.actions(), resources.toArray(String[]::new));
    List<Permission> out = new ArrayList<>();
    if (exact.length > 0) {
      out.add(bare.when(op.getKey(), key.getKey(), exact));
    }
    out.add(bare.when("StringLike", key.getKey(), patterns));
    return out;
  }

  /** Drops unconditional {@code …/*}{@code /*} resources that an unconditional, non-nested grant covers. */
  private static List<Permission> withoutCovered(List<Permission> grants) {
    List<Permission> covering = new ArrayList<>();
    for (Permission g : grants) {
      String[] plain = g.resources().stream().filter(r -> !r.endsWith("*/*")).toArray(String[]::new);
      if (g.conditions().isEmpty() && plain.length > 0) {
        covering.add(Permission.allow(g.actions(), plain));
      }
    }
    IamPolicy cover = IamPolicy.of(covering);
    List<Permission> out = new ArrayList<>();
    for (Permission p : grants) {
      if (!p.conditions().isEmpty()) {
        out.add(p);
        continue;
      }
      String[] kept = p.resources().stream().filter(r -> !r.endsWith("*/*")
          || !p.actions().stream().allMatch(a -> cover.allows(a, r, Map.of()))).toArray(String[]::new);
      if (kept.length > 0) {
        out.add(Permission.allow(p.actions(), kept));
      }
    }
    return out;
  }
}
