package dev.lake.iam;

import java.util.Collection;
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
 * }</pre>
 *
 * @param actions IAM actions such as {@code s3:GetObject}
 * @param resources ARNs, with {@code *} and {@code ?} wildcards where a family of resources is meant
 * @param conditions operator (e.g. {@code StringLike}) -> condition key -> values
 */
public record Permission(Set<String> actions, Set<String> resources, Map<String, Map<String, Set<String>>> conditions) {

  public Permission {
    dev.lake.exceptions.ValidationException.check(!actions.isEmpty() && !resources.isEmpty(),
        "A permission needs at least one action and one resource, got %s on %s", actions, resources);
    actions = Set.copyOf(new TreeSet<>(actions));
    resources = Set.copyOf(new TreeSet<>(resources));
    Map<String, Map<String, Set<String>>> copy = new TreeMap<>();
    conditions.forEach((op, keys) -> {
      Map<String, Set<String>> k = new TreeMap<>();
      keys.forEach((key, values) -> k.put(key, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values))));
      copy.put(op, k);
    });
    conditions = java.util.Collections.unmodifiableMap(copy);
  }

  /** {@code actions} on {@code resources}, unconditionally. */
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
}
