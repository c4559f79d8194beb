package dev.lake.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The least-privilege IAM policy a pipeline (or one of its parts) needs, built from what each source, sink and
 * object store declares. Grants are combined without widening: a statement groups exactly the resources that need the
 * same actions under the same conditions. Parts that declare nothing are not silently left out: they are listed in
 * {@link #undeclared()} and the policy is not {@link #isComplete() complete}.
 *
 * <pre>{@code
 * IamPolicy policy = pipeline.requiredPermissions(IamScope.of("eu-west-1", "123456789012"));
 * if (!policy.isComplete()) System.err.println("Not declared: " + policy.undeclared());
 * Files.writeString(Path.of("policy.json"), policy.toJson());
 * policy.allows("s3:GetObject", "arn:aws:s3:::bucket/lake/_lake/state/sales.json", Map.of());   // true
 * }</pre>
 */
public final class IamPolicy {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final IamPolicy EMPTY = new IamPolicy(List.of(), Set.of());

  private final List<Permission> permissions;
  private final SortedSet<String> undeclared;

  private IamPolicy(List<Permission> permissions, Set<String> undeclared) {
    this.permissions = List.copyOf(permissions);
    this.undeclared = Collections.unmodifiableSortedSet(new TreeSet<>(undeclared));
  }

  /** Needs nothing (an in-memory source, a {@code file://} lake). */
  public static IamPolicy empty() {
    return EMPTY;
  }

  /** Exactly these grants. */
  public static IamPolicy of(Permission... grants) {
    return new IamPolicy(Arrays.asList(grants), Set.of());
  }

  /** Exactly these grants. */
  public static IamPolicy of(List<Permission> grants) {
    return new IamPolicy(grants, Set.of());
  }

  /** What {@code part} (e.g. {@code "source csv"}) needs is unknown: it declares no permissions. */
  public static IamPolicy undeclared(String part) {
    return new IamPolicy(List.of(), Set.of(part));
  }

  /** This policy and {@code other}: every grant of both, and every undeclared part of both. */
  public IamPolicy and(IamPolicy other) {
    List<Permission> all = new ArrayList<>(permissions);
    all.addAll(other.permissions);
    Set<String> parts = new TreeSet<>(undeclared);
    parts.addAll(other.undeclared);
    return new IamPolicy(all, parts);
  }

  /** The grants as declared, before grouping. */
  public List<Permission> permissions() {
    return permissions;
  }

  /** The parts that declare no permissions, sorted; their needs are missing from this policy. */
  public SortedSet<String> undeclared() {
    return undeclared;
  }

  /** True when every part declared what it needs. */
  public boolean isComplete() {
    return undeclared.isEmpty();
  }

  /** The statements of the policy document, grouped and sorted (the same grants always give the same statements). */
  public List<Statement> statements() {
    // One (resource, conditions) -> actions entry per grant, then resources with equal actions and conditions share
    // a statement: never a cross product of actions and resources that no part asked for.
    Map<List<Object>, SortedSet<String>> actionsByResource = new TreeMap<>(IamPolicy::compareKeys);
    for (Permission p : permissions) {
      for (String resource : p.resources()) {
        actionsByResource.computeIfAbsent(List.of(resource, p.conditions()), k -> new TreeSet<>())
            .addAll(p.actions());
      }
    }
    Map<List<Object>, SortedSet<String>> resourcesByGrant = new TreeMap<>(IamPolicy::compareKeys);
    actionsByResource.forEach((key, actions) -> resourcesByGrant
        .computeIfAbsent(List.of(List.copyOf(actions), key.get(1)), k -> new TreeSet<>()).add((String) key.get(0)));
    // Grants that differ only in the values of their one condition key (ListBucket on one bucket for several
    // prefixes) are one statement with all the values: the same requests are allowed either way.
    Map<List<Object>, Map<String, Map<String, Set<String>>>> merged = new TreeMap<>(IamPolicy::compareKeys);
    resourcesByGrant.forEach((key, resources) -> {
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Set<String>>> conditions = (Map<String, Map<String, Set<String>>>) key.get(1);
      merged.merge(List.of(key.get(0), List.copyOf(resources), shape(conditions)), conditions, IamPolicy::union);
    });
    List<Statement> out = new ArrayList<>();
    Map<String, Integer> perService = new TreeMap<>();
    merged.forEach((key, conditions) -> {
      @SuppressWarnings("unchecked")
      List<String> actions = (List<String>) key.get(0);
      @SuppressWarnings("unchecked")
      List<String> resources = (List<String>) key.get(1);
      String service = serviceName(actions.get(0));
      int n = perService.merge(service, 1, Integer::sum);
      out.add(Statement.builder().sid(service + n).actions(actions).resources(resources).conditions(conditions)
          .build());
    });
    return out;
  }

  /** "op key" for one operator with one key (mergeable), else the whole conditions (kept apart). */
  private static String shape(Map<String, Map<String, Set<String>>> conditions) {
    if (conditions.size() == 1 && conditions.values().iterator().next().size() == 1) {
      var op = conditions.entrySet().iterator().next();
      return op.getKey() + " " + op.getValue().keySet().iterator().next();
    }
    return String.valueOf(conditions);
  }

  private static Map<String, Map<String, Set<String>>> union(Map<String, Map<String, Set<String>>> a,
      Map<String, Map<String, Set<String>>> b) {
    if (a.equals(b) || a.size() != 1) {
      return a;
    }
    var op = a.entrySet().iterator().next();
    var key = op.getValue().entrySet().iterator().next();
    SortedSet<String> values = new TreeSet<>(key.getValue());
    values.addAll(b.get(op.getKey()).get(key.getKey()));
    return Map.of(op.getKey(), Map.of(key.getKey(), Collections.unmodifiableSortedSet(values)));
  }

  /** Whether some statement allows {@code action} on {@code resource} given the request's condition keys. */
  public boolean allows(String action, String resource, Map<String, String> context) {
    return statements().stream().anyMatch(s -> s.allows(action, resource, context));
  }

  /** The policy document: {@code Version 2012-10-17} and the {@link #statements()}, pretty-printed. */
  public String toJson() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", "2012-10-17");
    List<Map<String, Object>> statements = new ArrayList<>();
    statements().forEach(s -> statements.add(s.toMap()));
    doc.put("Statement", statements);
    try {
      return JSON.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IamPolicy p && p.statements().equals(statements()) && p.undeclared.equals(undeclared);
  }

  @Override
  public int hashCode() {
    return statements().hashCode() * 31 + undeclared.hashCode();
  }

  @Override
  public String toString() {
    return "IamPolicy" + statements() + (undeclared.isEmpty() ? "" : " undeclared " + undeclared);
  }

  private static int compareKeys(List<Object> a, List<Object> b) {
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  private static String serviceName(String action) {
    String service = action.substring(0, Math.max(0, action.indexOf(':')));
    StringBuilder sb = new StringBuilder();
    for (String part : service.split("-")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.isEmpty() ? "Statement" : sb.toString();
  }
}
