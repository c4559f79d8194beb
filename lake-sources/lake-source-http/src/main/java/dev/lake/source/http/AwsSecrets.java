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
 * // given: SecretsManagerClient secretsClient, SsmClient ssmClient
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
    }, Clock.systemUTC())).needing(scope -> secretsManagerPermissions(region(client.serviceClientConfiguration()
        .region(), scope), secretId));
  }

  /** The value of an SSM parameter, decrypted when it is a SecureString. */
  public static Secret parameterStore(SsmClient client, String name) {
    ValidationException.check(client != null, "parameterStore(client, ...): give an SsmClient");
    ValidationException.check(name != null && !name.isBlank(), "parameterStore(...): give a parameter name");
    return Secret.of(cached(() -> client.getParameter(r -> r.name(name).withDecryption(true)).parameter().value(),
        Clock.systemUTC())).needing(scope -> parameterStorePermissions(region(client.serviceClientConfiguration()
        .region(), scope), name));
  }

  /**
   * {@code secretsmanager:GetSecretValue} on the secret: its ARN when given one, else {@code <name>-??????} (Secrets
   * Manager adds six random characters to a secret's ARN). A customer-managed KMS key also needs
   * {@code kms:Decrypt}, which the key's policy usually grants.
   */
  static dev.lake.iam.IamPolicy secretsManagerPermissions(dev.lake.iam.IamScope scope, String secretId) {
    String arn = secretId.startsWith("arn:") ? secretId : scope.arn("secretsmanager", "secret:" + secretId + "-??????");
    return dev.lake.iam.IamPolicy.of(dev.lake.iam.Permission.allow(java.util.List.of("secretsmanager:GetSecretValue"),
        arn));
  }

  /** {@code ssm:GetParameter} on the parameter ({@code parameter/<name without its leading '/'>}). */
  static dev.lake.iam.IamPolicy parameterStorePermissions(dev.lake.iam.IamScope scope, String name) {
    String arn = name.startsWith("arn:") ? name
        : scope.arn("ssm", "parameter/" + (name.startsWith("/") ? name.substring(1) : name));
    return dev.lake.iam.IamPolicy.of(dev.lake.iam.Permission.allow(java.util.List.of("ssm:GetParameter"), arn));
  }

  private static dev.lake.iam.IamScope region(software.amazon.awssdk.regions.Region region,
      dev.lake.iam.IamScope scope) {
    return region == null ? scope : scope.withRegion(region.id());
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
