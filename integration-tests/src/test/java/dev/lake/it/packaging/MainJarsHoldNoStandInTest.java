package dev.lake.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.io.Source;
import dev.lake.lambda.LambdaBudget;
import dev.lake.sink.dynamodb.DynamoDbSink;
import dev.lake.sink.kinesis.KinesisSink;
import dev.lake.sink.s3.S3ObjectStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library jars hold no test stand-in: s3proxy, dynalite and kinesalite launchers, the Lambda context for local
 * runs, the in-memory source and sink and the contract tests live in lake-testing, which users declare with test
 * scope. Each library is found where the build put it (its jar, or its {@code target/classes} in an IDE), through one
 * of its own classes, and every class it holds is checked by name.
 */
class MainJarsHoldNoStandInTest {
  private static final Set<String> STAND_INS = Set.of("S3ProxyServer", "Dynalite", "Kinesalite", "LocalNodeService",
      "LocalContext", "InMemorySource", "InMemorySink", "SinkContract", "ObjectStoreContract");

  @ParameterizedTest(name = "{0}")
  @ValueSource(classes = {Source.class, Lake.class, S3ObjectStore.class, KinesisSink.class, DynamoDbSink.class,
      LambdaBudget.class})
  void libraryJar_holdsNoStandIn(Class<?> anchor) throws IOException, URISyntaxException {
    List<String> classes = classesBeside(anchor);

    assertThat(classes).as("the classes of %s's module", anchor.getSimpleName())
        .contains(anchor.getName().replace('.', '/') + ".class");
    assertThat(classes).as("stand-ins in the main jar of %s (they belong in lake-testing)", anchor.getSimpleName())
        .filteredOn(c -> STAND_INS.contains(topLevelName(c))).isEmpty();
  }

  /** Every class file of the jar or folder {@code anchor} was loaded from, as {@code dev/lake/X.class}. */
  private static List<String> classesBeside(Class<?> anchor) throws IOException, URISyntaxException {
    Path at = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> out = new ArrayList<>();
    if (Files.isDirectory(at)) {
      try (Stream<Path> files = Files.walk(at)) {
        files.filter(f -> f.toString().endsWith(".class"))
            .forEach(f -> out.add(at.relativize(f).toString().replace('\\', '/')));
      }
    } else {
      try (JarFile jar = new JarFile(at.toFile())) {
        jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(out::add);
      }
    }
    return out;
  }

  /** {@code dev/lake/io/InMemorySink$1.class} → {@code InMemorySink}. */
  private static String topLevelName(String classFile) {
    String simple = classFile.substring(classFile.lastIndexOf('/') + 1, classFile.length() - ".class".length());
    int nested = simple.indexOf('$');
    return nested < 0 ? simple : simple.substring(0, nested);
  }
}
