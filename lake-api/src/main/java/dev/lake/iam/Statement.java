package dev.lake.iam;

import dev.lake.exceptions.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * }</pre>
 *
 * @param sid the statement id, unique in the policy (e.g. {@code S31}, {@code Kinesis1})
 * @param actions the allowed actions, sorted
 * @param resources the resources, sorted
 * @param conditions operator -> condition key -> values (empty: unconditional)
 */
public record Statement(String sid, List<String> actions, List<String> resources,
    Map<String, Map<String, Set<String>>> conditions) {

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
}
