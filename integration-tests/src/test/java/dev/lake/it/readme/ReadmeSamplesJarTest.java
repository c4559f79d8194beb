package dev.lake.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every command of the README's marked samples ({@code <!-- sample -->}) in README order, as printed, in a
 * fresh directory laid out like the checkout (the examples' jar and the data), with {@code bin/lake} on the PATH;
 * each must print what the README shows, by shape ({@link ReadmeSamples}). So the README cannot drift from the
 * commands.
 */
class ReadmeSamplesJarTest {
  @Test
  void readme_everyMarkedSample_printsWhatTheReadmeShows() throws Exception {
    Path work = JarRuns.temp("lake-readme-");
    Files.createDirectories(work.resolve("examples/target"));
    Files.createSymbolicLink(work.resolve("examples/target/lake-examples.jar"),
        JarRuns.REPO.resolve("examples/target/lake-examples.jar"));
    Files.createSymbolicLink(work.resolve("data"), JarRuns.REPO.resolve("data"));
    List<ReadmeSamples.Command> commands = ReadmeSamples.parse(Files.readAllLines(JarRuns.REPO.resolve(
        "README.md")));
    assertThat(commands).as("marked samples in the README").hasSizeGreaterThan(10);

    List<String> mismatches = new ArrayList<>();
    for (ReadmeSamples.Command c : commands) {
      JarRuns.Run run = JarRuns.sh(work, Map.of(), c.text());
      System.out.printf("README.md:%d $ %s (exit %d)%n%s%n", c.line(), c.text(), run.status(), run.text());
      ReadmeSamples.mismatch(c.expected(), run.lines())
          .ifPresent(m -> mismatches.add("README.md:" + c.line() + " $ " + c.text() + "\n" + m));
    }

    assertThat(mismatches).as("README samples that differ from what the commands print").isEmpty();
  }
}
