package dev.lake.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a user's location string becomes a lake root: {@link ObjectStores#toUri}, behind {@code Lake.at}. */
class ObjectStoresLocationTest {

  @Test
  void toUri_uriOrPlainPath_givesAnAbsoluteUri() {
    assertThat(ObjectStores.toUri("s3://shop/my%20lake")).isEqualTo(URI.create("s3://shop/my%20lake"));
    assertThat(ObjectStores.toUri("target/a lake")).isEqualTo(Path.of("target/a lake").toAbsolutePath().toUri());
  }

  @Test
  void lakeAt_uriWithASpace_failsNamingTheLocationAndTheFix() {
    assertThatThrownBy(() -> Lake.at("s3://shop/my lake"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid location 's3://shop/my lake': Illegal character in path at index 12: s3://shop/my lake; "
            + "percent-encode special characters in URIs (a space is %20) or give a plain path")
        .hasCauseInstanceOf(URISyntaxException.class);
  }

  @Test
  void toUri_pathWithANulCharacter_failsNamingTheFix() {
    assertThatThrownBy(() -> ObjectStores.toUri("lake\0dir"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid location 'lake\0dir': ")
        .hasMessageEndingWith("or give a plain path");
  }

  @Test
  void toUri_blank_failsWithAnExample() {
    assertThatThrownBy(() -> ObjectStores.toUri(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("A location is required, e.g. ./lake or s3://bucket/prefix");
  }
}
