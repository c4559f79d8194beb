package dev.lake.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.ValidationException;
import java.net.URISyntaxException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Lambda's misconfigured environment fails before any I/O, naming the variable, its value and the fix. */
class HandlerSettingsTest {

  @Test
  void lake_rootNotSet_failsNamingTheVariable() {
    assertThatThrownBy(() -> HandlerSettings.of(Map.of("LAKE_DATA", "s3://shop/data/")).lake())
        .isInstanceOf(ValidationException.class)
        .hasMessage("Environment variable LAKE_ROOT is not set: set it in the function's configuration (see the "
            + "README, \"Deploying the examples to Lambda\")");
  }

  @Test
  void lake_rootThatIsNotAUri_failsNamingTheValueAndTheEscape() {
    assertThatThrownBy(() -> HandlerSettings.of(Map.of("LAKE_ROOT", "s3://shop/my lake")).lake())
        .isInstanceOf(ValidationException.class)
        .hasMessage("Environment variable LAKE_ROOT is 's3://shop/my lake': not a URI (Illegal character in path at "
            + "index 12: s3://shop/my lake); escape spaces and other reserved characters as %XX, e.g. "
            + "s3://bucket/my%20lake")
        .hasCauseInstanceOf(ValidationException.class)
        .hasRootCauseInstanceOf(URISyntaxException.class);
  }

  @Test
  void data_endpointWithoutScheme_failsNamingTheVariableAndAnExample() {
    assertThatThrownBy(() -> HandlerSettings.of(Map.of("LAKE_DATA", "s3://shop/data/", "LAKE_S3_ENDPOINT",
        "localhost:9000")).data())
        .isInstanceOf(ValidationException.class)
        .hasMessage("Environment variable LAKE_S3_ENDPOINT is 'localhost:9000': not an http(s) endpoint with a host; "
            + "set it to e.g. http://localhost:9000, or unset it on AWS");
  }

  @Test
  void data_endpointThatIsNotAUri_failsNamingTheVariable() {
    assertThatThrownBy(() -> HandlerSettings.of(Map.of("LAKE_DATA", "s3://shop/data/", "LAKE_S3_ENDPOINT",
        "http://local host:9000")).data())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Environment variable LAKE_S3_ENDPOINT is 'http://local host:9000': not a URI "
            + "(Illegal character in authority at index 7");
  }

  @Test
  void destination_unknownFormat_failsNamingTheChoices() {
    assertThatThrownBy(() -> HandlerSettings.of(Map.of("LAKE_ROOT", "./target/handler-settings-lake",
        "LAKE_FORMAT", "orc")).destination())
        .isInstanceOf(ValidationException.class)
        .hasMessage("Environment variable LAKE_FORMAT is 'orc': use parquet (Hive-style Parquet in the lake, the "
            + "default) or iceberg (Apache Iceberg tables)");
  }

  @Test
  void destination_jdbcCatalogWithoutItsDriver_failsWithoutThePasswordInMessageOrCause() {
    HandlerSettings settings = HandlerSettings.of(Map.of("LAKE_ROOT", "./target/handler-settings-lake",
        "LAKE_FORMAT", "iceberg", "LAKE_ICEBERG_CATALOG", "jdbc:nosuchdb://db/catalog?password=secret"));

    assertThatThrownBy(settings::destination)
        .isInstanceOf(ValidationException.class)
        .hasMessage("LAKE_ICEBERG_CATALOG jdbc:nosuchdb://db/catalog?…: no JDBC driver for it in the handler's class "
            + "path: add the driver (org.postgresql:postgresql for jdbc:postgresql:) to the handler's jar")
        .satisfies(e -> assertThat(e.getSuppressed()).isEmpty())
        .hasNoCause();
  }
}
