package dev.lake.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.docs.JavadocExamples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every public type's first Javadoc example in lake-sentiment compiles (lake-core's {@link JavadocExamples}). */
class JavadocExamplesTest {

  @Test
  void examples_lakeSentiment_allCompile() {
    List<JavadocExamples.Example> examples = JavadocExamples.find(Path.of("src/main/java"));

    assertThat(examples).extracting(JavadocExamples.Example::type)
        .containsExactlyInAnyOrder("ComprehendScorer", "Sentiment", "SentimentScorer", "VaderScorer");
    assertThat(JavadocExamples.compile(examples)).as("examples that do not compile (file:line: error)").isEmpty();
  }
}
