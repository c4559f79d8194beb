package dev.lake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One class of each name in the library's main code (issue 20: two classes each named {@code Json},
 * {@code Locations}, {@code Names}, … made a reader guess which one a file meant). The examples and benchmarks are
 * applications of their own and left out.
 */
class UniqueClassNamesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void libraryMainCode_topLevelClassNames_areUnique() throws IOException {
    Map<String, List<String>> byName = mainSources().stream()
        .collect(Collectors.groupingBy(p -> p.getFileName().toString().replace(".java", ""), TreeMap::new,
            Collectors.mapping(p -> ROOT.relativize(p).toString(), Collectors.toList())));

    assertThat(byName).as("top-level classes in library main code").hasSizeGreaterThan(300);
    assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString))
        .as("class names used twice: rename one so that the name says which it is").isEmpty();
  }

  private static List<Path> mainSources() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .filter(p -> !p.getFileName().toString().equals("package-info.java"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
          .filter(p -> {
            String module = ROOT.relativize(p).getName(0).toString();
            return !module.equals("examples") && !module.equals("benchmarks") && !module.equals("integration-tests");
          })
          .toList();
    }
  }
}
