package dev.lake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The library does not lean on its examples: no module outside {@code examples/}, {@code benchmarks/} and this one
 * declares a dependency, in any scope (test included) or in its dependency management, on an artifact built under
 * {@code examples/}. The library's tests use pipelines of their own; the examples' use cases are tested in the
 * examples (on Spark: {@code examples/spark-tests}). Reads the poms of Maven's reactor (the root and every module of
 * every aggregator below it).
 */
class LibraryTestsWithoutExamplesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** Modules that may depend on the examples: the examples themselves, the benchmarks and the integration tests. */
  private static final List<String> ALLOWED = List.of("examples", "benchmarks", "integration-tests");

  @Test
  void noLibraryModule_dependsOnAnExamplesArtifact_inAnyScope() throws Exception {
    Map<Path, Element> poms = new LinkedHashMap<>();
    reactor(ROOT, poms);
    Set<String> examples = new TreeSet<>();
    poms.forEach((dir, pom) -> {
      if (ROOT.relativize(dir).startsWith("examples")) {
        examples.add(child(pom, "artifactId"));
      }
    });
    List<String> violations = new ArrayList<>();
    poms.forEach((dir, pom) -> {
      Path module = ROOT.relativize(dir);
      if (ALLOWED.stream().noneMatch(a -> module.startsWith(a))) {
        NodeList deps = pom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
          String artifact = child((Element) deps.item(i), "artifactId");
          if (examples.contains(artifact)) {
            violations.add((module.toString().isEmpty() ? "the root pom" : module) + " -> " + artifact);
          }
        }
      }
    });

    assertThat(poms).as("reactor under " + ROOT).hasSizeGreaterThan(30);
    assertThat(examples).contains("lake-examples", "lake-example-pipelines", "lake-examples-spark-job");
    assertThat(violations).as("library modules depending on the examples: give their tests pipelines and records of "
        + "their own, and move tests of the examples' use cases into the examples").isEmpty();
  }

  /** {@code dir}'s pom and those of every module below it, as Maven's reactor reads them. */
  private static void reactor(Path dir, Map<Path, Element> out) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(Files.newInputStream(dir.resolve("pom.xml")));
    Element project = doc.getDocumentElement();
    out.put(dir, project);
    NodeList modules = project.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      reactor(dir.resolve(modules.item(i).getTextContent().trim()).normalize(), out);
    }
  }

  /** The text of {@code element}'s direct child named {@code name} ("" if none). */
  private static String child(Element element, String name) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return "";
  }
}
