package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Pipeline;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.NamedSplits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IcebergCatalog#local}: every spelling of a local directory names that directory, nothing else is taken. */
class IcebergCatalogLocalTest {
  @TempDir
  Path dir;

  record Row(String split, int n) {}

  @Test
  void local_fileUriWithOneSlash_isTheAbsoluteDirectory_notOneUnderTheWorkingDirectory() {
    Path warehouse = dir.resolve("one-slash");
    String oneSlash = "file:" + warehouse; // file:/tmp/…/one-slash
    assertThat(oneSlash).startsWith("file:/").doesNotStartWith("file://");

    IcebergCatalog catalog = IcebergCatalog.local(oneSlash);
    append(catalog);

    assertThat(warehouse.resolve("catalog.db")).isRegularFile();
    assertThat(warehouse.resolve("lake/rows/metadata")).isDirectory();
    assertThat(Path.of("").toAbsolutePath().resolve("file:")).doesNotExist();
  }

  @Test
  void local_threeSlashesOnePlainPathAndOneSlash_areTheSameCatalog() {
    Path warehouse = dir.resolve("same");
    append(IcebergCatalog.local(warehouse.toString()));

    for (String spelling : List.of("file://" + warehouse, "file:" + warehouse, warehouse.toString())) {
      assertThat(IcebergCatalog.local(spelling).load("lake.rows").currentSnapshot().summary())
          .as(spelling).containsEntry("added-records", "3");
    }
  }

  @Test
  void local_otherSchemes_failNamingTheLocationAndTheCatalogsThatTakeIt() {
    for (String location : List.of("s3://bucket/warehouse", "s3:/bucket/warehouse", "https://host/warehouse")) {
      assertThatThrownBy(() -> IcebergCatalog.local(location)).as(location)
          .isInstanceOf(ValidationException.class)
          .hasMessage("IcebergCatalog.local keeps its SQLite catalog on the local file system; for " + location
              + " use IcebergCatalog.jdbc with a database URL, or IcebergCatalog.rest");
    }
  }

  @Test
  void local_fileUriOfAnotherHost_orNotADirectoryUri_failsNamingTheFix() throws Exception {
    assertThatThrownBy(() -> IcebergCatalog.local("file://server/share/iceberg"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("IcebergCatalog.local: file://server/share/iceberg names a directory on the host 'server'; give "
            + "a local directory: file:///dir, file:/dir or a path");
    assertThatThrownBy(() -> IcebergCatalog.local("file:relative/iceberg"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("IcebergCatalog.local: file:relative/iceberg is not a file: URI of a directory (")
        .hasMessageEndingWith("give file:///dir (spaces as %20) or a plain path");
    assertThatThrownBy(() -> IcebergCatalog.local(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("IcebergCatalog.local needs a directory, e.g. ./lake/iceberg or file:///data/iceberg");
    try (var entries = Files.list(dir)) {
      assertThat(entries).isEmpty();
    }
  }

  private static void append(IcebergCatalog catalog) {
    Pipeline.from(NamedSplits.of(Map.of("s0", List.of(new Row("s0", 1), new Row("s0", 2), new Row("s0", 3)))))
        .named("rows").to(catalog.<Row>table("lake.rows")).run();
  }
}
