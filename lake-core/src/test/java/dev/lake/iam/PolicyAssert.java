package dev.lake.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a policy against the calls a run really made: every call is allowed (enough), and every grant of every
 * statement (each action on each resource, each condition value) was used by some call or is named in
 * {@code otherPaths} with the reason it is needed on a path the run did not take (exact).
 *
 * <pre>{@code
 * PolicyAssert.assertExact(policy, recorder.calls(),
 *     Map.of("s3:AbortMultipartUpload arn:aws:s3:::b/lake/processed/sales/*", "aborts a failed upload"));
 * }</pre>
 */
public final class PolicyAssert {
  private PolicyAssert() {}

  /**
   * @param otherPaths "action resource" (or "action resource prefix" for a ListBucket prefix) -> why it is needed
   */
  public static void assertExact(IamPolicy policy, List<RecordingInterceptor.Call> calls,
      Map<String, String> otherPaths) {
    assertThat(policy.undeclared()).as("undeclared parts").isEmpty();
    assertThat(calls).as("calls recorded").isNotEmpty();
    List<String> denied = new ArrayList<>();
    for (RecordingInterceptor.Call c : calls) {
      if (!policy.allows(c.action(), c.resource(), c.context())) {
        denied.add(c.action() + " " + c.resource() + " " + c.context());
      }
    }
    assertThat(denied).as("calls the policy denies; policy:%n%s", policy.toJson()).isEmpty();
    List<String> unused = new ArrayList<>();
    for (Statement s : policy.statements()) {
      for (String action : s.actions()) {
        for (String resource : s.resources()) {
          for (Map<String, Set<String>> keys : conditionValues(s)) {
            String atom = action + " " + resource + (keys.isEmpty() ? "" : " " + keys.values().iterator().next()
                .iterator().next());
            Map<String, Map<String, Set<String>>> conditions =
                keys.isEmpty() ? Map.of() : Map.of(s.conditions().keySet().iterator().next(), keys);
            Statement one = s.toBuilder().actions(List.of(action)).resources(List.of(resource)).conditions(conditions)
                .build();
            boolean used = calls.stream().anyMatch(c -> one.allows(c.action(), c.resource(), c.context()));
            if (!used && !otherPaths.containsKey(atom)) {
              unused.add(atom);
            }
          }
        }
      }
    }
    assertThat(unused).as("grants no call used and no other path needs; calls:%n%s", calls).isEmpty();
  }

  /**
   * Every grant of the policy as one line, {@code "action resource"} or {@code "action resource {conditions}"}, sorted:
   * what a test compares with the grants it expects, written out independently.
   */
  public static java.util.SortedSet<String> grants(IamPolicy policy) {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    for (Statement s : policy.statements()) {
      for (String a : s.actions()) {
        for (String r : s.resources()) {
          out.add(a + " " + r + (s.conditions().isEmpty() ? "" : " " + s.conditions()));
        }
      }
    }
    return out;
  }

  /** Each single condition value of a one-key statement apart, or one empty map for an unconditional statement. */
  private static List<Map<String, Set<String>>> conditionValues(Statement s) {
    if (s.conditions().isEmpty()) {
      return List.of(Map.of());
    }
    Map<String, Set<String>> keys = s.conditions().values().iterator().next();
    String key = keys.keySet().iterator().next();
    return keys.get(key).stream().map(v -> Map.<String, Set<String>>of(key, Set.of(v))).toList();
  }
}
