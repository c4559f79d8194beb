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
 * against) needs nothing of the rest of Lake and has no cycle across its packages; lake-core's remaining package
 * cycle does not grow. Reads the lake-api and lake-core classes this module's tests run with (the reactor's
 * {@code target/classes} or the installed jars).
 */
class PackageDependenciesTest {
  /** A dependency in jdeps' verbose output: {@code   dev.lake.io.Source -> dev.lake.iam.IamPolicy   lake-api.jar}. */
  private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.lake\\S*)\\s+->\\s+(dev\\.lake\\S*)\\s+(.*)$");

  /**
   * The packages of lake-core still in a package cycle (with lake-api's packages, which take part in none), in two
   * cycles: the engine ({@code internal.lake}, {@code internal.runner}) with {@code dev.lake} and
   * {@code dev.lake.transforms}, which reach it through {@code Pipeline}, {@code Lake} and {@code Buffer}, while the
   * engine reaches back only through {@code Rows} ({@link #ENGINE_TO_DEV_LAKE}) and {@code transforms} through
   * {@code Pipeline}'s package; and {@code dev.lake.io} with {@code dev.lake.internal.format}, as the public
   * {@code FileFormats} (lake-core's part of {@code dev.lake.io}) makes the format writers, which implement
   * lake-api's {@code dev.lake.io} interfaces. The record model ({@code dev.lake}, package-private), value
   * conversion ({@code dev.lake.internal.values}) and the runner SPI ({@code dev.lake.runner}) are outside both. It
   * may shrink, and then this list must shrink with it (issue 20: no cycle across lake-core's packages); it may not
   * grow.
   */
  private static final Set<String> LAKE_CORE_CYCLE = Set.of("dev.lake", "dev.lake.io", "dev.lake.transforms",
      "dev.lake.internal.format", "dev.lake.internal.lake", "dev.lake.internal.runner");

  /**
   * The engine's ({@code internal.lake}, {@code internal.runner}) class dependencies on {@code dev.lake} types left:
   * {@code Rows}, whose uses go next. The engine builds its own values ({@code RunSpec}, {@code LakeDataset},
   * {@code RunResult}, {@code Compactor.Result}, {@code Expirer.Result}) and {@code dev.lake} makes the public ones of
   * them. It may shrink, and then this list must shrink with it; it may not grow.
   */
  private static final Set<String> ENGINE_TO_DEV_LAKE = Set.of(
      "dev.lake.internal.lake.DatasetSource -> dev.lake.Rows",
      "dev.lake.internal.lake.LakeSinkWriter -> dev.lake.Rows",
      "dev.lake.internal.lake.PartitionRewriter -> dev.lake.Rows",
      "dev.lake.internal.runner.RunState -> dev.lake.Rows");

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
  void lakeCore_packageCycle_isNoLargerThanTheOneLeft() {
    Path api = classesOf(LakeException.class);
    Path core = classesOf(Pipeline.class);

    List<Set<String>> cycles = cycles(packageGraph(core, api));

    assertThat(cycles).as("lake-core's package cycles: only the known ones, which may shrink but not grow")
        .allSatisfy(c -> assertThat(LAKE_CORE_CYCLE).containsAll(c));
    Set<String> inCycles = new TreeSet<>();
    cycles.forEach(inCycles::addAll);
    assertThat(inCycles).as("packages still in a cycle: those that left it must leave LAKE_CORE_CYCLE too")
        .containsAll(LAKE_CORE_CYCLE);
  }

  @Test
  void engine_classes_referToDevLakeOnlyThroughTheEdgesLeft() {
    Path api = classesOf(LakeException.class);
    Path core = classesOf(Pipeline.class);

    Set<String> engineToDevLake = new TreeSet<>();
    for (String[] e : edges(jdeps("-verbose:class", "-filter:none", "-e", "dev\\.lake.*", core.toString(),
        api.toString()))) {
      String from = e[0].replaceAll("\\$.*", "");
      String to = e[1].replaceAll("\\$.*", "");
      if (from.matches("dev\\.lake\\.internal\\.(lake|runner)\\.[^.]+") && to.matches("dev\\.lake\\.[A-Z][^.]*")) {
        engineToDevLake.add(from + " -> " + to);
      }
    }

    assertThat(engineToDevLake).as("the engine's class dependencies on dev.lake types (they may shrink, not grow)")
        .isSubsetOf(ENGINE_TO_DEV_LAKE);
    assertThat(engineToDevLake).as("those left: one that went must leave ENGINE_TO_DEV_LAKE too")
        .containsAll(ENGINE_TO_DEV_LAKE);
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
