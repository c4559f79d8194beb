package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Globs to IAM patterns, without I/O; the calls they allow are checked on s3proxy in lake-s3's S3PermissionsTest. */
class FilePermissionsTest {

  @Test
  void expand_bracesAndSmallClasses_becomeAlternatives() {
    assertThat(FilePermissions.expand("/d/2010-12-0[12].csv.{gz,zst}")).containsExactly(
        "/d/2010-12-01.csv.gz", "/d/2010-12-02.csv.gz", "/d/2010-12-01.csv.zst", "/d/2010-12-02.csv.zst");
    assertThat(FilePermissions.expand("/d/[a-c]x")).containsExactly("/d/ax", "/d/bx", "/d/cx");
    assertThat(FilePermissions.expand("/d/[!a]x")).containsExactly("/d/[!a]x");
  }

  @Test
  void toWildcards_globstarAndClasses_becomeIamWildcards() {
    assertThat(FilePermissions.toWildcards("/song_data/**/*.json")).isEqualTo("/song_data/*.json");
    assertThat(FilePermissions.toWildcards("/x/**")).isEqualTo("/x/*");
    assertThat(FilePermissions.toWildcards("/x/[!a]?.csv")).isEqualTo("/x/??.csv");
  }

  @Test
  void permissions_localPaths_needNothing() {
    IamPolicy p = CsvSource.generic().from("/tmp/in/*.csv", "file:///tmp/other.csv").permissions(IamScope.unknown());
    assertThat(p.isComplete()).isTrue();
    assertThat(p.statements()).isEmpty();
    assertThat(List.of(p.toJson())).allMatch(j -> j.contains("\"Statement\" : [ ]"));
  }
}
