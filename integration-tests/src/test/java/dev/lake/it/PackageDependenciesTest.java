package dev.lake.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.exceptions.LakeException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The import graph of the compiled classes, as jdeps reads it: lake-api (the types users and connectors program
 * against) needs nothing of the rest of Lake and has no cycle across its packages; lake-core has none either, and its
 * engine ({@code dev.lake.internal.*}) names no type of {@code dev.lake}. Reads the lake-api and lake-core classes this module's tests run with (the reactor's
 * {@code target/classes} or the installed jars).
 */
class PackageDependenciesTest {
  /** A dependency in jdeps' verbose output: {@code   dev.lake.io.Source -> dev.lake.iam.IamPolicy   lake-api.jar}. */
  private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.lake\\S*)\\s+->\\s+(dev\\.lake\\S*)\\s+(.*)$");

  @Test
  void lakeApi_classes_referToNoLakeClassOutsideLakeApi() {
    Path api = classesOf(LakeException.class);

    List<String[]> edges = edges(jdeps("-verbose:class", "-filter:none", "-e", "dev\\.lake.*", api.toString()));

    assertThat(api.toString()).as("where LakeException comes from").contains("lake-api");
    assertThat(edges).as("lake-api's class dependencies on Lake classes").hasSizeGreaterThan(50);
    assertThat(edges).as("lake-api's references to dev.lake.internal")
        .noneMatch(e -> e[1].startsWith("dev.lake.internal"));
    assertThat(edges.stream().filter(e -> e[2].contains("not found")).map(e -> e[0] + " -> " + e[1]))
        .as("lake-api's references to Lake classes that are not in lake-api (it must depend on no Lake module)")
        .isEmpty();
  }

  @Test
  void lakeApi_packages_formNoCycle() {
    Path api = classesOf(LakeException.class);

    Map<String, Set<String>> graph = packageGraph(api);

    assertThat(graph.keySet()).as("lake-api's packages")
        .contains("dev.lake.exceptions", "dev.lake.iam", "dev.lake.io", "dev.lake.transforms");
    assertThat(cycles(graph)).as("package cycles in lake-api").isEmpty();
  }

  @Test
  void lakeCore_packages_formNoCycle() {
    // lake-core's packages with lake-api's (split packages such as dev.lake.io count as one, as jdeps sees them):
    // the API (dev.lake, dev.lake.format, dev.lake.runner) depends on the engine, never the other way round.
    Path api = classesOf(LakeException.class);
    Path core = classesOf(Pipeline.class);

    Map<String, Set<String>> graph = packageGraph(core, api);

    assertThat(graph.keySet()).as("lake-core's packages")
        .contains("dev.lake", "dev.lake.format", "dev.lake.runner", "dev.lake.internal.lake",
            "dev.lake.internal.runner", "dev.lake.internal.format", "dev.lake.internal.values");
    assertThat(cycles(graph)).as("package cycles in lake-core (with lake-api)").isEmpty();
  }

  @Test
  void engine_classes_referToNoDevLakeType() {
    // The engine builds its own values (RunSpec, LakeDataset, RunResult, Compactor.Result, Expirer.Result) and meets
    // Java records through RecordRows; dev.lake makes the public types of them.
    Path api = classesOf(LakeException.class);
    Path core = classesOf(Pipeline.class);

    Set<String> engineToDevLake = new TreeSet<>();
    for (String[] e : edges(jdeps("-verbose:class", "-filter:none", "-e", "dev\\.lake.*", core.toString(),
        api.toString()))) {
      String from = e[0].replaceAll("\\$.*", "");
      String to = e[1].replaceAll("\\$.*", "");
      if (from.matches("dev\\.lake\\.internal\\.[a-z]+\\.[^.]+") && to.matches("dev\\.lake\\.[A-Z][^.]*")) {
        engineToDevLake.add(from + " -> " + to);
      }
    }

    assertThat(engineToDevLake).as("the engine's class dependencies on dev.lake types").isEmpty();
  }

  @Test
  void cycles_ofAGraph_areItsStronglyConnectedComponentsOfTwoOrMore() {
    Map<String, Set<String>> graph = new LinkedHashMap<>();
    graph.put("a", Set.of("b", "a"));
    graph.put("b", Set.of("c"));
    graph.put("c", Set.of("a", "d"));
    graph.put("d", Set.of("d"));
    graph.put("e", Set.of("a"));

    assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
  }

  private static Path classesOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jdeps(String... args) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException(
        "No jdeps in this JVM (" + System.getProperty("java.home") + "): run the tests on a JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(exit).as("jdeps %s: %s", String.join(" ", args), err).isZero();
    return out.toString();
  }

  /** Each Lake dependency jdeps lists: from, to, and where {@code to} was found (or "not found"). */
  private static List<String[]> edges(String jdepsOutput) {
    List<String[]> edges = new ArrayList<>();
    for (String line : jdepsOutput.split("\\R")) {
      Matcher m = EDGE.matcher(line);
      if (m.matches()) {
        edges.add(new String[] {m.group(1), m.group(2), m.group(3)});
      }
    }
    return edges;
  }

  /** Package to the Lake packages it depends on, over the classes of {@code paths} together. */
  private static Map<String, Set<String>> packageGraph(Path... paths) {
    List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:none", "-e", "dev\\.lake.*"));
    for (Path p : paths) {
      args.add(p.toString());
    }
    Map<String, Set<String>> graph = new LinkedHashMap<>();
    for (String[] e : edges(jdeps(args.toArray(String[]::new)))) {
      graph.computeIfAbsent(e[0], k -> new TreeSet<>()).add(e[1]);
      graph.computeIfAbsent(e[1], k -> new TreeSet<>());
    }
    return graph;
  }

  /** The cycles of {@code graph}: its strongly connected components of two or more nodes (Tarjan). */
  private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    return new Tarjan(graph).components();
  }

  private static final class Tarjan {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<String, Integer> low = new LinkedHashMap<>();
    private final List<String> stack = new ArrayList<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<Set<String>> found = new ArrayList<>();

    Tarjan(Map<String, Set<String>> graph) {
      this.graph = graph;
    }

    List<Set<String>> components() {
      graph.keySet().forEach(v -> {
        if (!index.containsKey(v)) {
          visit(v);
        }
      });
      return found;
    }

    private void visit(String v) {
      index.put(v, index.size());
      low.put(v, index.get(v));
      stack.add(v);
      onStack.add(v);
      for (String w : graph.getOrDefault(v, Set.of())) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (onStack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        Set<String> component = new TreeSet<>();
        String w;
        do {
          w = stack.remove(stack.size() - 1);
          onStack.remove(w);
          component.add(w);
        } while (!w.equals(v));
        if (component.size() > 1) {
          found.add(component);
        }
      }
    }
  }
}
