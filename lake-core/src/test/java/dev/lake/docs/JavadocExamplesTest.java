package dev.lake.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public type's first Javadoc example in lake-core and in lake-api (the types lake-core brings, which cannot
 * use lake-core's test jar itself) compiles ({@link JavadocExamples}).
 */
class JavadocExamplesTest {
  private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../lake-api/src/main/java"));

  /**
   * Examples that use types of other modules or of the examples ({@code Sale}, {@code CsvSource},
   * {@code SparkRunner}, {@code IcebergRead}), which are not on lake-core's class path (lake-api's files included): they compile in the examples
   * module's {@code LibraryJavadocExamplesTest}, with every library module on the class path, and
   * {@code PipelineRunner}'s in lake-spark's {@code SparkJavadocExamplesTest}. Each must still fail here, so one that
   * no longer needs another module has to leave this list; no other example may fail.
   */
  private static final Set<String> OTHER_MODULES = Set.of("dev/lake/Lookup.java", "dev/lake/Pipeline.java",
      "dev/lake/PipelineRunner.java", "dev/lake/RowFactory.java", "dev/lake/Rows.java",
      "dev/lake/iam/DeclaresPermissions.java", "dev/lake/io/ObjectStoreProvider.java", "dev/lake/io/SinkWriter.java",
      "dev/lake/io/Source.java", "dev/lake/io/TableSnapshot.java", "dev/lake/io/WriteSpec.java",
      "dev/lake/transforms/Aggregator.java", "dev/lake/transforms/SerializableFunction.java",
      "dev/lake/transforms/SerializablePredicate.java");

  @Test
  void examples_lakeCoreAndLakeApi_allCompileButThoseNeedingOtherModules() {
    List<JavadocExamples.Example> examples = SOURCES.stream().flatMap(s -> JavadocExamples.find(s).stream()).toList();

    List<String> failures = JavadocExamples.compile(examples);

    assertThat(examples).hasSizeGreaterThan(70)
        .anyMatch(e -> e.file().startsWith(SOURCES.get(1)) && e.type().equals("Step"));
    assertThat(failures).as("examples that do not compile (file:line: error)")
        .filteredOn(f -> !OTHER_MODULES.contains(sourcePath(f))).isEmpty();
    Set<String> failing = failures.stream().map(JavadocExamplesTest::sourcePath).collect(Collectors.toSet());
    assertThat(OTHER_MODULES).as("examples that compile on lake-core alone now: take them off OTHER_MODULES")
        .isSubsetOf(failing);
  }

  private static String sourcePath(String failure) {
    String path = failure.substring(0, failure.indexOf(".java:") + ".java".length()).replace('\\', '/');
    return path.substring(path.indexOf("dev/lake/"));
  }

  @Test
  void compile_callThatDoesNotExist_reportedWithFileAndLine(@TempDir Path root) throws Exception {
    Path file = root.resolve("dev/lake/sample/Sample.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n",
        "package dev.lake.sample;",
        "",
        "/**",
        " * A sample.",
        " *",
        " * <pre>{@code",
        " * // given: Pipeline<String> pipeline",
        " * PipelineResult r = pipeline.run();",
        " * r.noSuchMethod();",
        " * }</pre>",
        " */",
        "public final class Sample {}",
        "",
        "/** Not public: not checked. <pre>{@code nothing at all}</pre> */",
        "final class Hidden {}",
        ""));

    List<JavadocExamples.Example> examples = JavadocExamples.find(root);

    assertThat(examples).extracting(JavadocExamples.Example::type).containsExactly("Sample");
    assertThat(JavadocExamples.compile(examples)).singleElement().asString()
        .startsWith(file + ":9: Sample: cannot find symbol");
  }
}
