package dev.lake.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bin/lake}, the launcher a user puts on the PATH: it finds the checkout's jar and passes everything on. */
class LakeLauncherJarTest {
  private final Path work = JarRuns.temp("lake-launcher-");

  @Test
  void launcher_onThePath_runsTheCheckoutsJar() throws Exception {
    JarRuns.Run r = JarRuns.sh(work, Map.of(), "lake --version");

    assertThat(r.status()).as(r.text()).isZero();
    assertThat(r.lines()).containsExactly("lake 0.1.0-SNAPSHOT");
  }

  @Test
  void launcher_throughASymbolicLink_findsTheCheckout() throws Exception {
    Path link = Files.createSymbolicLink(work.resolve("lake-link"), JarRuns.REPO.resolve("bin/lake"));

    JarRuns.Run r = JarRuns.sh(work, Map.of(), link + " --version");

    assertThat(r.status()).as(r.text()).isZero();
    assertThat(r.lines()).containsExactly("lake 0.1.0-SNAPSHOT");
  }

  @Test
  void launcher_usageMistake_passesTheMessageAndStatus2Through() throws Exception {
    JarRuns.Run r = JarRuns.sh(work, Map.of(), "lake ls ./no-lake-here");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.lines()).hasSize(1);
    assertThat(r.text()).startsWith("lake ls: No lake at " + work.resolve("no-lake-here"))
        .contains("the directory does not exist");
  }

  @Test
  void launcher_jarMissing_saysHowToBuildIt() throws Exception {
    JarRuns.Run r = JarRuns.sh(work, Map.of("LAKE_JAR", work.resolve("none.jar").toString()), "lake ls");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.lines()).containsExactly("lake: " + work.resolve("none.jar") + " not found. Build it in "
        + JarRuns.REPO + " with: mvn -B package -DskipTests (or set LAKE_JAR to a lake.jar)");
  }
}
