package dev.lake.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.avro.generic.GenericRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lake rejected <dataset>}: the committed rejected rows of a dataset ({@code rejected/<dataset>/}), grouped
 * by step and reason, most frequent first, with the source positions of the first few.
 *
 * <pre>{@code
 * lake rejected songplays --show 5
 * }</pre>
 */
@Command(name = "rejected", mixinStandardHelpOptions = true,
    description = "Shows a dataset's rejected rows grouped by step and reason, with their source positions.",
    footer = {"", "Examples:", "  lake rejected songplays", "  lake rejected online_retail --show 10",
        "  lake rejected songplays --pipeline sparkify-songplays --values"})
final class RejectedCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RootOption root;

  @Parameters(paramLabel = "<dataset>", description = "The dataset whose bad rows to show (songplays, or "
      + "rejected/songplays).")
  String dataset;

  @Option(names = "--show", defaultValue = "3",
      description = "Positions to show per group (default: ${DEFAULT-VALUE}).")
  int show;

  @Option(names = "--pipeline", description = "Only rows rejected by this pipeline.")
  String pipeline;

  @Option(names = "--values", description = "Also print each shown row's rejected text.")
  boolean values;

  /** One group: a step and a reason. */
  private record Key(String step, String reason) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    OpenedLake lake = root.open();
    String name = dataset.startsWith("rejected/") ? dataset.substring("rejected/".length()) : dataset;
    String path = "rejected/" + name;
    if (lake.datasets().stream().noneMatch(d -> d.path().equals(path))) {
      OpenedLake.Dataset known = lake.find(name); // fails with a suggestion when the dataset does not exist at all
      out.println("No rejected rows for " + known.name() + ": nothing is committed under " + path + "/.");
      return 0;
    }
    // streamed: each group keeps its count and the first `show` rows' position and value, never every row
    Map<Key, Group> groups = new LinkedHashMap<>();
    TreeSet<String> runs = new TreeSet<>();
    long[] total = {0};
    lake.lake().read(path).forEachRow(r -> {
      if (pipeline != null && !pipeline.equals(text(r, "pipeline"))) {
        return;
      }
      total[0]++;
      runs.add(text(r, "pipeline") + " " + text(r, "run_id"));
      groups.computeIfAbsent(new Key(text(r, "step"), text(r, "reason")), k -> new Group()).add(r, show);
    });
    out.printf("%s: %,d rejected row%s in %d group%s, from %s%n%n", path, total[0], total[0] == 1 ? "" : "s",
        groups.size(), groups.size() == 1 ? "" : "s", runs.isEmpty() ? "no run" : String.join(", ", runs));
    List<Map.Entry<Key, Group>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(Comparator.comparing((Map.Entry<Key, Group> e) -> -e.getValue().count));
    for (Map.Entry<Key, Group> e : sorted) {
      Group g = e.getValue();
      out.printf("%,d × step %s: %s%n", g.count, e.getKey().step(), e.getKey().reason());
      for (String[] sample : g.samples) {
        out.println("    at " + sample[0]);
        if (values) {
          out.println("       " + sample[1]);
        }
      }
      if (g.count > g.samples.size()) {
        out.printf("    … and %,d more%n", g.count - g.samples.size());
      }
    }
    return 0;
  }

  /** A group's count and the position and value of its first rows (at most {@code show}). */
  private static final class Group {
    long count;
    final List<String[]> samples = new ArrayList<>();

    void add(GenericRecord r, int show) {
      count++;
      if (samples.size() < show) {
        samples.add(new String[] {text(r, "position"), text(r, "value")});
      }
    }
  }

  private static String text(GenericRecord r, String field) {
    Object v = r.getSchema().getField(field) == null ? null : r.get(field);
    return v == null ? "" : v.toString();
  }
}
