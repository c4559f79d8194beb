package dev.lake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module reaches into lake-core's engine: main code outside lake-core names nothing in {@code dev.lake.internal}
 * (no import, static import or qualified name), so that everything other modules use is public API that japicmp
 * checks. Reads the sources of every module of the repository (this module's parent directory), so it holds
 * whatever order the reactor builds them in. lake-api, below lake-core, cannot even compile against the engine;
 * {@link PackageDependenciesTest} checks its classes with jdeps.
 */
class ModuleBoundariesTest {
  /** References to the engine in code, comments left out. */
  private static final Pattern INTERNAL = Pattern.compile("\\bdev\\.lake\\.internal\\b[\\w.]*");
  /** Comments, and the string literals that may hold "//" or "/*" (kept as they are). */
  private static final Pattern COMMENTS = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"|/\\*.*?\\*/|//[^\\n]*",
      Pattern.DOTALL);

  /** Modules allowed to use lake-core's internals, each with its reason. */
  private static final Map<String, String> EXCUSED = Map.of(
      "lake-core", "the engine itself");
  /** The public runner SPI (plan -> task -> publish) that runners outside lake-core are built on. */
  private static final Pattern RUNNER_SPI = Pattern.compile("\\bdev\\.lake\\.runner\\.\\w+");

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void mainCode_ofEveryModuleButTheExcused_namesNothingInDevLakeInternal() throws IOException {
    Map<String, List<String>> uses = internalUsesByModule();

    assertThat(uses.keySet()).as("modules found under " + ROOT)
        .contains("lake-api", "lake-cli", "lake-loaders/lake-loader-warehouse", "lake-sources/lake-source-files",
            "examples")
        .hasSizeGreaterThan(15);
    List<String> violations = new ArrayList<>();
    uses.forEach((module, found) -> {
      if (!EXCUSED.containsKey(module)) {
        violations.addAll(found);
      }
    });
    assertThat(violations).as("main code outside lake-core using its internals: make what it needs public API in "
        + "lake-core (documented, checked by japicmp) or move the code into the module that uses it").isEmpty();
  }

  @Test
  void excusedModules_stillUseTheInternals_elseTheExcuseGoes() throws IOException {
    Map<String, List<String>> uses = internalUsesByModule();

    EXCUSED.keySet().forEach(module -> assertThat(uses.get(module))
        .as(module + " no longer uses dev.lake.internal: remove it from ModuleBoundariesTest.EXCUSED").isNotEmpty());
  }

  @Test
  void sparkRunner_runsThroughThePublicRunnerSpi_notTheEngine() throws IOException {
    // lake-spark was excused until the runner SPI was public: now it plans, runs tasks and commits through it only
    assertThat(internalUsesByModule().get("lake-spark")).as("lake-spark's uses of dev.lake.internal").isEmpty();
    assertThat(uses(ROOT.resolve("lake-spark/src/main/java"), RUNNER_SPI)).as("lake-spark's uses of dev.lake.runner")
        .anyMatch(use -> use.endsWith("dev.lake.runner.RunnerPlan"))
        .anyMatch(use -> use.endsWith("dev.lake.runner.TaskOutcome"));
  }

  /** For each module with main code (its path under the root), where its main code names dev.lake.internal. */
  private static Map<String, List<String>> internalUsesByModule() throws IOException {
    Map<String, List<String>> uses = new TreeMap<>();
    try (Stream<Path> poms = Files.walk(ROOT)) {
      for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/")).toList()) {
        Path main = pom.resolveSibling("src/main/java");
        if (Files.isDirectory(main)) {
          uses.put(ROOT.relativize(pom.getParent()).toString(), internalUses(main));
        }
      }
    }
    return uses;
  }

  private static List<String> internalUses(Path sources) throws IOException {
    return uses(sources, INTERNAL);
  }

  /** Where code under {@code sources} (comments left out) matches {@code names}: file, line and the name. */
  private static List<String> uses(Path sources, Pattern names) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String code = COMMENTS.matcher(Files.readString(file)).replaceAll(m -> m.group().startsWith("\"")
            ? Matcher.quoteReplacement(m.group()) : m.group().replaceAll("[^\\n]", " "));
        Matcher m = names.matcher(code);
        while (m.find()) {
          long line = code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
          found.add(ROOT.relativize(file) + ":" + line + ": " + m.group());
        }
      }
    }
    return found;
  }
}
