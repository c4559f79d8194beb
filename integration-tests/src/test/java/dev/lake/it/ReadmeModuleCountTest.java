package dev.lake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's two commands say how many modules the build has ("Building Lake: N modules", "[n/N]"): N is the
 * number of projects in Maven's reactor, the root pom and every module of every aggregator below it.
 */
class ReadmeModuleCountTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  @Test
  void readme_namesTheReactorsModuleCount() throws IOException {
    int projects = projects(ROOT);
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);

    assertThat(projects).isGreaterThan(30);
    assertThat(readme).contains("Building Lake: " + projects + " modules", "the " + projects + " modules in order",
        "[n/" + projects + "]");
  }

  /** This project and every module below it, as Maven's reactor counts them. */
  private static int projects(Path dir) throws IOException {
    String pom = Files.readString(dir.resolve("pom.xml"), StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
    int count = 1;
    Matcher m = MODULE.matcher(pom);
    while (m.find()) {
      count += projects(dir.resolve(m.group(1).trim()).normalize());
    }
    return count;
  }
}
