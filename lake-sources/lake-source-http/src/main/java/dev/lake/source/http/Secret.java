package dev.lake.source.http;

import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import java.io.Serializable;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A credential (API key, bearer token) that is resolved only when a request is sent and never shown: its
 * {@code toString()} is {@code Secret(env:NAME)} or {@code Secret(****)}, and the raw zone, logs and exceptions
 * see {@code ****} in its place.
 *
 * <pre>{@code
 * Secret key = Secret.fromEnv("API_FOOTBALL_KEY");          // read when the first request is sent
 * Secret token = Secret.of(() -> System.getProperty("twitter.token"));   // any supplier (Secrets Manager, ...)
 * }</pre>
 */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Function<IamScope, IamPolicy> NOTHING = scope -> IamPolicy.empty();

  private final String envName;
  private final transient Supplier<String> supplier;
  private final Secret inner;
  /** What the supplier needs from AWS: null when unknown (a supplier from {@link #of}); nothing for env and values. */
  private final transient Function<IamScope, IamPolicy> needs;

  private Secret(String envName, Supplier<String> supplier, Function<IamScope, IamPolicy> needs) {
    this.envName = envName;
    this.supplier = supplier;
    this.inner = null;
    this.needs = needs;
  }

  /** The bearer form of {@code token}: reveals {@code "Bearer " + token}, scrubs the bare token too. */
  Secret(Secret token) {
    this.envName = null;
    this.supplier = () -> "Bearer " + token.reveal();
    this.inner = token;
    this.needs = token.needs;
  }

  /** The secret this one wraps (a bearer token), or null. */
  Secret inner() {
    return inner;
  }

  /** A secret read from the environment variable {@code name} when it is first needed. */
  public static Secret fromEnv(String name) {
    ValidationException.check(name != null && !name.isBlank(), "An environment variable name is required");
    return new Secret(name, null, NOTHING);
  }

  /** A secret from a supplier, e.g. one that reads AWS Secrets Manager; called on every request. */
  public static Secret of(Supplier<String> supplier) {
    return new Secret(null, Objects.requireNonNull(supplier, "supplier"), null);
  }

  /**
   * The same secret, declaring what its supplier needs from AWS, so that the pipeline's
   * {@link dev.lake.Pipeline#requiredPermissions() policy} includes it (without it, a supplier's needs are unknown
   * and the policy lists the source as undeclared).
   *
   * <pre>{@code
   * String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-football-AbCdEf";
   * Secret key = Secret.of(() -> secrets.getSecretValue(r -> r.secretId(arn)).secretString())
   *     .needing(scope -> IamPolicy.of(Permission.allow(List.of("secretsmanager:GetSecretValue"), arn)));
   * }</pre>
   *
   * @param policy what the supplier needs, given the region and account ARNs are built with
   */
  public Secret needing(Function<IamScope, IamPolicy> policy) {
    ValidationException.check(envName == null && inner == null, "needing(..) is for Secret.of(supplier) only: "
        + "an environment variable or a value needs nothing from AWS");
    return new Secret(null, supplier, Objects.requireNonNull(policy, "policy"));
  }

  /** What resolving this secret needs from AWS, or null when its supplier did not say (or it was serialized). */
  IamPolicy needs(IamScope scope) {
    return needs == null ? null : needs.apply(scope);
  }

  /** A secret from a literal value (tests, or a value the caller already fetched). */
  public static Secret ofValue(String value) {
    ValidationException.check(value != null && !value.isEmpty(), "A secret value is required");
    return new Secret(null, () -> value, NOTHING);
  }

  /** The value; callers put it into a request header and nowhere else. */
  public String reveal() {
    String value;
    if (envName != null) {
      value = System.getenv(envName);
      ValidationException.check(value != null && !value.isBlank(),
          "The environment variable %s is not set: export it with the API key or token", envName);
    } else {
      ValidationException.check(supplier != null,
          "This secret came from a supplier, which does not survive serialization: build it where it runs");
      value = supplier.get();
      ValidationException.check(value != null && !value.isEmpty(), "The secret supplier returned no value");
    }
    return value;
  }

  @Override
  public String toString() {
    return envName != null ? "Secret(env:" + envName + ")" : "Secret(****)";
  }
}
