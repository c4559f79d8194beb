package dev.lake.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.exceptions.ValidationException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@link Secret}s kept in AWS Secrets Manager or in SSM Parameter Store, fetched when first needed and cached for a
 * few minutes (so a rotated key is picked up without a call per request). Needs the {@code secretsmanager} or
 * {@code ssm} SDK module on the classpath. The caller owns the client.
 *
 * <pre>{@code
 * Secret key = AwsSecrets.secretsManager(secretsClient, "prod/api-football", "api_key");   // a JSON secret's field
 * Secret token = AwsSecrets.parameterStore(ssmClient, "/lake/twitter/bearer-token");       // a SecureString
 * }</pre>
 */
public final class AwsSecrets {
  /** How long a fetched value is reused. */
  public static final Duration CACHE_FOR = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  private AwsSecrets() {}

  /** The whole secret string of {@code secretId}. */
  public static Secret secretsManager(SecretsManagerClient client, String secretId) {
    return secretsManager(client, secretId, null);
  }

  /**
   * One field of a JSON secret (Secrets Manager's key/value secrets), or the whole string when {@code jsonKey} is
   * null.
   */
  public static Secret secretsManager(SecretsManagerClient client, String secretId, String jsonKey) {
    ValidationException.check(client != null, "secretsManager(client, ...): give a SecretsManagerClient");
    ValidationException.check(secretId != null && !secretId.isBlank(), "secretsManager(...): give a secret id");
    return Secret.of(cached(() -> {
      String value = client.getSecretValue(r -> r.secretId(secretId)).secretString();
      ValidationException.check(value != null, "Secret %s has no string value (binary secrets are not supported)",
          secretId);
      return jsonKey == null ? value : field(value, jsonKey, secretId);
    }, Clock.systemUTC()));
  }

  /** The value of an SSM parameter, decrypted when it is a SecureString. */
  public static Secret parameterStore(SsmClient client, String name) {
    ValidationException.check(client != null, "parameterStore(client, ...): give an SsmClient");
    ValidationException.check(name != null && !name.isBlank(), "parameterStore(...): give a parameter name");
    return Secret.of(cached(() -> client.getParameter(r -> r.name(name).withDecryption(true)).parameter().value(),
        Clock.systemUTC()));
  }

  private static String field(String json, String key, String secretId) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (IOException e) {
      // never include the secret's text in the message
      throw new ValidationException("Secret " + secretId + " is not JSON, so it has no field '" + key + "'");
    }
    JsonNode value = node.get(key);
    ValidationException.check(value != null && value.isTextual(), "Secret %s has no text field '%s'", secretId, key);
    return value.asText();
  }

  /** Reuses a fetched value for {@link #CACHE_FOR}; thread-safe. */
  static Supplier<String> cached(Supplier<String> fetch, Clock clock) {
    return new Supplier<>() {
      private String value;
      private Instant fetchedAt;

      @Override
      public synchronized String get() {
        Instant now = clock.instant();
        if (value == null || now.isAfter(fetchedAt.plus(CACHE_FOR))) {
          value = fetch.get();
          fetchedAt = now;
        }
        return value;
      }
    };
  }
}
