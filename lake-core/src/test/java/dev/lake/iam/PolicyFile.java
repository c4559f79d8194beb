package dev.lake.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A committed policy file kept in step with the code that generates it: the check fails when the file differs,
 * naming the command that rewrites it; run with {@code -Dlake.iam.write=true} it rewrites the file first.
 *
 * <pre>{@code
 * PolicyFile.assertCommitted(Path.of("iam-policy.json"), handler.requiredPermissions(scope, "fn").toJson(),
 *     "mvn -q -o -pl examples/lambda-xg -am verify -Dinvoker.skip -Dtest=IamPolicyFileTest "
 *         + "-Dsurefire.failIfNoSpecifiedTests=false -Dlake.iam.write=true");
 * }</pre>
 */
public final class PolicyFile {
  /** The system property that makes {@link #assertCommitted} rewrite the file. */
  public static final String WRITE = "lake.iam.write";

  private PolicyFile() {}

  /** Fails unless {@code file} holds exactly {@code generated}; with {@value #WRITE}=true, writes it first. */
  public static void assertCommitted(Path file, String generated, String rewriteCommand) {
    try {
      if (Boolean.getBoolean(WRITE)) {
        Files.writeString(file, generated);
      }
      assertThat(Files.exists(file) ? Files.readString(file) : "(missing)")
          .as("%s differs from the policy the code generates; rewrite it with:%n  %s%n", file.toAbsolutePath(),
              rewriteCommand)
          .isEqualTo(generated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command that rewrites the policy file of the Maven module at {@code modulePath} (e.g. examples/lambda-xg). */
  public static String rewriteCommand(String modulePath) {
    return "mvn -q -o -pl " + modulePath + " -am verify -Dinvoker.skip -Dtest=IamPolicyFileTest "
        + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true";
  }
}
