package dev.lake.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lake.exceptions.SinkException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Credentials never appear in toString(), exception messages or log lines (fake, recognisable keys). */
class CredentialsTest {
  static final String WRONG_SECRET = "wrongSecret/ShouldNeverBeSeen+987654321";

  private static String everything(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out)); // every message and cause
    return out.toString();
  }

  private static S3ObjectStore store(String secret, FaultyHttpClient http) {
    return S3ObjectStore.builder().httpClient(http).endpointOverride(S3Proxies.endpoint()).pathStyle(true)
        .region(Region.US_EAST_1).maxAttempts(2, 2)
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Proxies.ACCESS_KEY, secret)))
        .build();
  }

  @Test
  void toString_storeAndBuilder_showNoCredentials() throws IOException {
    try (S3ObjectStore store = store(S3Proxies.SECRET_KEY, new FaultyHttpClient(0))) {
      assertThat(store.toString()).contains("credentials=given").contains("endpoint=" + S3Proxies.endpoint())
          .doesNotContain(S3Proxies.ACCESS_KEY).doesNotContain(S3Proxies.SECRET_KEY);
      assertThat(S3ObjectStore.builder().credentials(S3Proxies.CREDENTIALS).toString())
          .doesNotContain(S3Proxies.ACCESS_KEY).doesNotContain(S3Proxies.SECRET_KEY);
    }
  }

  @Test
  void open_wrongSecret_failsNamingTheFixWithoutCredentials() throws IOException {
    try (S3ObjectStore store = store(WRONG_SECRET, new FaultyHttpClient(0))) {
      Throwable e = catchThrowable(() -> store.open(URI.create("s3://any-bucket/some/key")));

      assertThat(e).isInstanceOf(SinkException.class).hasMessageContaining("GetObject s3://any-bucket/some/key failed")
          .hasMessageContaining("check the credentials");
      assertThat(everything(e)).doesNotContain(S3Proxies.ACCESS_KEY).doesNotContain(WRONG_SECRET)
          .doesNotContain(S3Proxies.SECRET_KEY);
    }
  }

  @Test
  void retriesExhausted_messageAndLogs_holdNoCredentials() throws IOException {
    FaultyHttpClient http = new FaultyHttpClient(0);
    http.throttled = r -> true;
    try (S3ObjectStore store = store(S3Proxies.SECRET_KEY, http)) {
      Throwable e = catchThrowable(() -> store.list(URI.create("s3://any-bucket/p/"), true));

      assertThat(e).isInstanceOf(SinkException.class).hasMessageContaining("failed after 2 attempts");
      assertThat(everything(e)).doesNotContain(S3Proxies.ACCESS_KEY).doesNotContain(S3Proxies.SECRET_KEY);
    }
    Path log = Path.of("target/lake-s3-test.log"); // every test's log lines, SDK request logs at debug included
    assertThat(log).exists();
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).anyMatch(l -> l.contains("retrying in"));
    assertThat(lines).noneMatch(l -> l.contains(S3Proxies.ACCESS_KEY) || l.contains(S3Proxies.SECRET_KEY)
        || l.contains(WRONG_SECRET));
  }

  @Test
  void redactor_keyIdsSignaturesAndGivenSecrets_masked() {
    Redactor r = new Redactor(List.of("s3cr3tValue"));

    assertThat(r.redact("X-Amz-Credential=AKIAABCDEFGHIJKLMNOP/20250101&X-Amz-Signature=deadbeef key s3cr3tValue"))
        .isEqualTo("X-Amz-Credential=****&X-Amz-Signature=**** key ****");
    assertThat(r.redact("id AKIAABCDEFGHIJKLMNOP here")).isEqualTo("id AKIA**** here");
  }
}
