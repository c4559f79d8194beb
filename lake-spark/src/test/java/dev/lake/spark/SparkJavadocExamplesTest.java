package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.docs.JavadocExamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public type's first Javadoc example in lake-spark compiles, and so does lake-core's {@code PipelineRunner}
 * example, which runs a pipeline with {@code SparkRunner}: only this module's class path holds Spark (the examples
 * module's {@code LibraryJavadocExamplesTest} checks the other library modules).
 */
class SparkJavadocExamplesTest {
  private static final List<String> IMPORTS = List.of("dev.lake.spark.*", "dev.lake.source.files.*",
      "org.apache.spark.sql.SparkSession");

  @Test
  void examples_ofLakeSparkAndPipelineRunner_compile() {
    List<JavadocExamples.Example> examples = new ArrayList<>(JavadocExamples.find(Path.of("src/main/java")));
    JavadocExamples.find(Path.of("../lake-core/src/main/java")).stream()
        .filter(e -> e.file().endsWith(Path.of("dev/lake/PipelineRunner.java")))
        .forEach(examples::add);

    List<String> failures = JavadocExamples.compile(examples, IMPORTS);

    assertThat(examples).extracting(JavadocExamples.Example::type).contains("SparkRunner", "PipelineRunner");
    assertThat(failures).as("examples that do not compile (file:line: error)").isEmpty();
  }
}
