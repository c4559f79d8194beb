package dev.lake.iam;

import dev.lake.exceptions.ValidationException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One grant: some actions on some resources, optionally under conditions. Connectors declare these;
 * {@link IamPolicy} groups them into statements.
 *
 * <pre>{@code
 * Permission read = Permission.allow(List.of("kinesis:GetRecords", "kinesis:GetShardIterator"),
 *     "arn:aws:kinesis:eu-west-1:123456789012:stream/sales");
 * Permission list = Permission.allow(List.of("s3:ListBucket"), "arn:aws:s3:::bucket")
 *     .when("StringLike", "s3:prefix", "lake/processed/sales/");
 * Permission anyStream = read.withResources(List.of("arn:aws:kinesis:eu-west-1:123456789012:stream/*"));
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new part of a grant is not a breaking change. Made
 * by {@link #allow} and changed by {@link #when} and {@link #withResources}; the actions, resources and conditions
 * are copies.
 */
public final class Permission {
  private final Set<String> actions;
  private final Set<String> resources;
  private final Map<String, Map<String, Set<String>>> conditions;

  private Permission(Collection<String> actions, Collection<String> resources,
      Map<String, Map<String, Set<String>>> conditions) {
    ValidationException.check(!actions.isEmpty() && !resources.isEmpty(),
        "A permission needs at least one action and one resource, got %s on %s", actions, resources);
    this.actions = Set.copyOf(new TreeSet<>(actions));
    this.resources = Set.copyOf(new TreeSet<>(resources));
    Map<String, Map<String, Set<String>>> copy = new TreeMap<>();
    conditions.forEach((op, keys) -> {
      Map<String, Set<String>> k = new TreeMap<>();
      keys.forEach((key, values) -> k.put(key, Collections.unmodifiableSortedSet(new TreeSet<>(values))));
      copy.put(op, k);
    });
    this.conditions = Collections.unmodifiableMap(copy);
  }

  /**
   * {@code actions} on {@code resources}, unconditionally.
   *
   * @throws dev.lake.exceptions.ValidationException when there is no action or no resource
   */
  public static Permission allow(Collection<String> actions, String... resources) {
    Objects.requireNonNull(actions, "actions");
    return new Permission(Set.copyOf(actions), Set.of(resources), Map.of());
  }

  /** The same grant, only when condition key {@code key} matches one of {@code values} under {@code operator}. */
  public Permission when(String operator, String key, String... values) {
    Map<String, Map<String, Set<String>>> next = new TreeMap<>(conditions);
    Map<String, Set<String>> keys = new TreeMap<>(next.getOrDefault(operator, Map.of()));
    Set<String> all = new TreeSet<>(keys.getOrDefault(key, Set.of()));
    all.addAll(Set.of(values));
    keys.put(key, all);
    next.put(operator, keys);
    return new Permission(actions, resources, next);
  }

  /**
   * The same actions under the same conditions, on {@code otherResources} instead.
   *
   * @throws dev.lake.exceptions.ValidationException when there is no resource
   */
  public Permission withResources(Collection<String> otherResources) {
    return new Permission(actions, otherResources, conditions);
  }

  /** IAM actions such as {@code s3:GetObject}. */
  public Set<String> actions() {
    return actions;
  }

  /** ARNs, with {@code *} and {@code ?} wildcards where a family of resources is meant. */
  public Set<String> resources() {
    return resources;
  }

  /** Operator (e.g. {@code StringLike}) -> condition key -> values, sorted; empty when unconditional. */
  public Map<String, Map<String, Set<String>>> conditions() {
    return conditions;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Permission p && actions.equals(p.actions) && resources.equals(p.resources)
        && conditions.equals(p.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(actions, resources, conditions);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "Permission[actions=" + actions + ", resources=" + resources + ", conditions=" + conditions + "]";
  }
}
