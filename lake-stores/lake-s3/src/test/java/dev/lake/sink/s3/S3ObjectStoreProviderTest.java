package dev.lake.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default store's settings from system properties and environment variables. */
class S3ObjectStoreProviderTest {

  @Test
  void configure_endpointFromEnvironment_turnsPathStyleOn() {
    Map<String, String> env = Map.of("LAKE_S3_ENDPOINT", "http://127.0.0.1:9000", "AWS_REGION", "eu-west-1",
        "LAKE_S3_SSE", "AES256", "LAKE_S3_STORAGE_CLASS", "standard_ia");

    S3ObjectStore.Builder b = S3ObjectStoreProvider.configure(S3ObjectStore.builder(), k -> null, env::get);

    assertThat(b.endpoint).hasToString("http://127.0.0.1:9000");
    assertThat(b.pathStyle).isTrue();
    assertThat(b.region.id()).isEqualTo("eu-west-1");
    assertThat(b.sse.toString()).isEqualTo("AES256");
    assertThat(b.storageClass.toString()).isEqualTo("STANDARD_IA");
  }

  @Test
  void configure_systemPropertyWinsOverEnvironment() {
    S3ObjectStore.Builder b = S3ObjectStoreProvider.configure(S3ObjectStore.builder(),
        Map.of("lake.s3.region", "us-west-2")::get, Map.of("AWS_REGION", "eu-west-1")::get);

    assertThat(b.region.id()).isEqualTo("us-west-2");
  }

  @Test
  void configure_unknownEncryption_failsNamingTheChoices() {
    assertThatThrownBy(() -> S3ObjectStoreProvider.configure(S3ObjectStore.builder(), k -> null,
        Map.of("LAKE_S3_SSE", "rot13")::get)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'rot13': use AES256 (SSE-S3) or aws:kms (SSE-KMS)");
  }

  @Test
  void configure_endpointThatIsNotAUri_failsNamingTheSettingAndAnExample() {
    assertThatThrownBy(() -> S3ObjectStoreProvider.configure(S3ObjectStore.builder(), k -> null,
        Map.of("LAKE_S3_ENDPOINT", "http://local host:9000")::get)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("LAKE_S3_ENDPOINT / lake.s3.endpoint = 'http://local host:9000' is not a URI ("
            + "Illegal character in authority at index 7)")
        .hasMessageEndingWith("use e.g. http://localhost:9000")
        .hasCauseInstanceOf(java.net.URISyntaxException.class);
  }

  @Test
  void configure_endpointWithoutScheme_failsInsteadOfTakingTheHostForAScheme() {
    assertThatThrownBy(() -> S3ObjectStoreProvider.configure(S3ObjectStore.builder(), k -> null,
        Map.of("LAKE_S3_ENDPOINT", "localhost:9000")::get)).isInstanceOf(ValidationException.class)
        .hasMessage("LAKE_S3_ENDPOINT / lake.s3.endpoint = 'localhost:9000' is not an http(s) endpoint with a host: "
            + "use e.g. http://localhost:9000, or unset it on AWS");
  }

  @Test
  void configure_pathStyleNeitherTrueNorFalse_failsInsteadOfTurningItOff() {
    assertThatThrownBy(() -> S3ObjectStoreProvider.configure(S3ObjectStore.builder(), k -> null,
        Map.of("LAKE_S3_PATH_STYLE", "yes")::get)).isInstanceOf(ValidationException.class)
        .hasMessage("LAKE_S3_PATH_STYLE / lake.s3.pathStyle = 'yes': use true or false");
    assertThat(S3ObjectStoreProvider.configure(S3ObjectStore.builder(), Map.of("lake.s3.pathStyle", "TRUE")::get,
        k -> null).pathStyle).isTrue();
  }

  @Test
  void configure_unknownStorageClass_failsNamingTheChoices() {
    assertThatThrownBy(() -> S3ObjectStoreProvider.configure(S3ObjectStore.builder(), k -> null,
        Map.of("LAKE_S3_STORAGE_CLASS", "cold")::get)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("LAKE_S3_STORAGE_CLASS / lake.s3.storageClass = 'cold' is not an S3 storage class: "
            + "use one of [")
        .hasMessageContaining("STANDARD_IA");
  }

  @Test
  void serviceLoader_s3Scheme_findsTheProvider() {
    assertThat(java.util.ServiceLoader.load(dev.lake.io.ObjectStoreProvider.class).stream()
        .map(p -> p.get()).filter(p -> p.supports("s3"))).hasAtLeastOneElementOfType(S3ObjectStoreProvider.class);
  }
}
