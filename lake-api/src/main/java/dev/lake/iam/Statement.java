package dev.lake.iam;

import dev.lake.exceptions.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One statement of an {@link IamPolicy} document: {@code Allow} these actions on these resources under these
 * conditions. It can also evaluate a request, with IAM's wildcard rules ({@code *} and {@code ?}; actions match
 * case-insensitively) and the string condition operators Lake uses ({@code StringEquals}, {@code StringLike}).
 *
 * <pre>{@code
 * // given: IamPolicy policy
 * Statement s = policy.statements().get(0);
 * boolean ok = s.allows("s3:ListBucket", "arn:aws:s3:::bucket", Map.of("s3:prefix", "lake/processed/sales/"));
 * Statement readOnly = Statement.builder().sid("S31").actions(List.of("s3:GetObject"))
 *     .resources(List.of("arn:aws:s3:::bucket/lake/processed/*")).build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new part of a statement is not a breaking change.
 * The lists are copies and the conditions a copy in the same order (the order of the policy document); null ones are
 * empty.
 */
public final class Statement {
  private final String sid;
  private final List<String> actions;
  private final List<String> resources;
  private final Map<String, Map<String, Set<String>>> conditions;

  private Statement(Builder b) {
    sid = b.sid;
    actions = b.actions == null ? List.of() : List.copyOf(b.actions);
    resources = b.resources == null ? List.of() : List.copyOf(b.resources);
    conditions = b.conditions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.conditions));
  }

  /** A builder: no sid, no actions or resources, no conditions. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this statement's values, to change some of them. */
  public Builder toBuilder() {
    return builder().sid(sid).actions(actions).resources(resources).conditions(conditions);
  }

  /** The statement id, unique in the policy (e.g. {@code S31}, {@code Kinesis1}). */
  public String sid() {
    return sid;
  }

  /** The allowed actions, sorted. */
  public List<String> actions() {
    return actions;
  }

  /** The resources, sorted. */
  public List<String> resources() {
    return resources;
  }

  /** Operator -> condition key -> values (empty: unconditional). */
  public Map<String, Map<String, Set<String>>> conditions() {
    return conditions;
  }

  /** Whether this statement allows the request; a condition key the request lacks does not match. */
  public boolean allows(String action, String resource, Map<String, String> context) {
    boolean actionMatches = actions.stream().anyMatch(a -> matches(a.toLowerCase(Locale.ROOT),
        action.toLowerCase(Locale.ROOT)));
    if (!actionMatches || resources.stream().noneMatch(r -> matches(r, resource))) {
      return false;
    }
    for (Map.Entry<String, Map<String, Set<String>>> op : conditions.entrySet()) {
      for (Map.Entry<String, Set<String>> key : op.getValue().entrySet()) {
        String value = context.get(key.getKey());
        if (value == null || key.getValue().stream().noneMatch(v -> condition(op.getKey(), v, value))) {
          return false;
        }
      }
    }
    return true;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Sid", sid);
    m.put("Effect", "Allow");
    m.put("Action", actions.size() == 1 ? actions.get(0) : actions);
    m.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
    if (!conditions.isEmpty()) {
      Map<String, Object> c = new LinkedHashMap<>();
      conditions.forEach((op, keys) -> {
        Map<String, Object> k = new LinkedHashMap<>();
        keys.forEach((key, values) -> k.put(key, values.size() == 1 ? values.iterator().next() : List.copyOf(values)));
        c.put(op, k);
      });
      m.put("Condition", c);
    }
    return m;
  }

  private static boolean condition(String operator, String expected, String actual) {
    return switch (operator) {
      case "StringEquals" -> expected.equals(actual);
      case "StringLike" -> matches(expected, actual);
      default -> throw new ValidationException("Condition operator " + operator
          + " is not evaluated by allows(): only StringEquals and StringLike are; check this grant by reading the "
          + "policy");
    };
  }

  /** IAM wildcard matching: {@code *} any run of characters ('/' included), {@code ?} one character. */
  static boolean matches(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Statement s && Objects.equals(sid, s.sid) && actions.equals(s.actions)
        && resources.equals(s.resources) && conditions.equals(s.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sid, actions, resources, conditions);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "Statement[sid=" + sid + ", actions=" + actions + ", resources=" + resources + ", conditions="
        + conditions + "]";
  }

  /** Builds a {@link Statement}; {@link IamPolicy#statements()} builds a policy's. */
  public static final class Builder {
    private String sid;
    private List<String> actions;
    private List<String> resources;
    private Map<String, Map<String, Set<String>>> conditions;

    private Builder() {}

    /** Sets {@link Statement#sid()}. */
    public Builder sid(String value) {
      this.sid = value;
      return this;
    }

    /** Sets {@link Statement#actions()}. */
    public Builder actions(List<String> value) {
      this.actions = value;
      return this;
    }

    /** Sets {@link Statement#resources()}. */
    public Builder resources(List<String> value) {
      this.resources = value;
      return this;
    }

    /** Sets {@link Statement#conditions()}. */
    public Builder conditions(Map<String, Map<String, Set<String>>> value) {
      this.conditions = value;
      return this;
    }

    /** The {@link Statement} of the values set. */
    public Statement build() {
      return new Statement(this);
    }
  }
}
