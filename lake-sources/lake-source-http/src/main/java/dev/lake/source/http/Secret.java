package dev.lake.source.http;

import dev.lake.exceptions.ValidationException;
import java.io.Serializable;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A credential (API key, bearer token) that is resolved only when a request is sent and never shown: its
 * {@code toString()} is {@code Secret(env:NAME)} or {@code Secret(****)}, and the raw zone, logs and exceptions
 * see {@code ****} in its place.
 *
 * <pre>{@code
 * Secret key = Secret.fromEnv("API_FOOTBALL_KEY");          // read when the first request is sent
 * Secret token = Secret.of(() -> vault.read("twitter"));    // any supplier (Secrets Manager, SSM, ...)
 * }</pre>
 */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String envName;
  private final transient Supplier<String> supplier;
  private final Secret inner;

  private Secret(String envName, Supplier<String> supplier) {
    this.envName = envName;
    this.supplier = supplier;
    this.inner = null;
  }

  /** The bearer form of {@code token}: reveals {@code "Bearer " + token}, scrubs the bare token too. */
  Secret(Secret token) {
    this.envName = null;
    this.supplier = () -> "Bearer " + token.reveal();
    this.inner = token;
  }

  /** The secret this one wraps (a bearer token), or null. */
  Secret inner() {
    return inner;
  }

  /** A secret read from the environment variable {@code name} when it is first needed. */
  public static Secret fromEnv(String name) {
    ValidationException.check(name != null && !name.isBlank(), "An environment variable name is required");
    return new Secret(name, null);
  }

  /** A secret from a supplier, e.g. one that reads AWS Secrets Manager; called on every request. */
  public static Secret of(Supplier<String> supplier) {
    return new Secret(null, Objects.requireNonNull(supplier, "supplier"));
  }

  /** A secret from a literal value (tests, or a value the caller already fetched). */
  public static Secret ofValue(String value) {
    ValidationException.check(value != null && !value.isEmpty(), "A secret value is required");
    return new Secret(null, () -> value);
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
