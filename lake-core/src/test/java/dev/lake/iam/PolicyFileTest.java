package dev.lake.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
  @TempDir
  Path dir;

  @Test
  void assertCommitted_staleOrMissingFile_failsNamingTheRewriteCommand() throws Exception {
    Path file = dir.resolve("iam-policy.json");
    String command = PolicyFile.rewriteCommand("examples/lambda-xg");

    assertThatThrownBy(() -> PolicyFile.assertCommitted(file, "{}\n", command))
        .isInstanceOf(AssertionError.class).hasMessageContaining(command).hasMessageContaining("(missing)");
    Files.writeString(file, "{\"Statement\":[]}\n");
    assertThatThrownBy(() -> PolicyFile.assertCommitted(file, "{}\n", command))
        .isInstanceOf(AssertionError.class).hasMessageContaining("-Dlake.iam.write=true");

    Files.writeString(file, "{}\n");
    PolicyFile.assertCommitted(file, "{}\n", command);
    assertThat(command).isEqualTo("mvn -q -o -pl examples/lambda-xg -am verify -Dinvoker.skip "
        + "-Dtest=IamPolicyFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dlake.iam.write=true");
  }
}
