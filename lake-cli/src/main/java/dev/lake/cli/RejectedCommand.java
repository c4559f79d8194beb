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
    LakeRoot lake = root.open();
    String name = dataset.startsWith("rejected/") ? dataset.substring("rejected/".length()) : dataset;
    String path = "rejected/" + name;
    if (lake.datasets().stream().noneMatch(d -> d.path().equals(path))) {
      LakeRoot.Dataset known = lake.find(name); // fails with a suggestion when the dataset does not exist at all
      out.println("No rejected rows for " + known.name() + ": nothing is committed under " + path + "/.");
      return 0;
    }
    Map<Key, List<GenericRecord>> groups = new LinkedHashMap<>();
    TreeSet<String> runs = new TreeSet<>();
    long total = 0;
    for (GenericRecord r : lake.lake().read(path).readAll()) {
      if (pipeline != null && !pipeline.equals(text(r, "pipeline"))) {
        continue;
      }
      total++;
      runs.add(text(r, "pipeline") + " " + text(r, "run_id"));
      groups.computeIfAbsent(new Key(text(r, "step"), text(r, "reason")), k -> new ArrayList<>()).add(r);
    }
    out.printf("%s: %,d rejected row%s in %d group%s, from %s%n%n", path, total, total == 1 ? "" : "s",
        groups.size(), groups.size() == 1 ? "" : "s", runs.isEmpty() ? "no run" : String.join(", ", runs));
    List<Map.Entry<Key, List<GenericRecord>>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(Comparator.comparing((Map.Entry<Key, List<GenericRecord>> e) -> -e.getValue().size()));
    for (Map.Entry<Key, List<GenericRecord>> e : sorted) {
      List<GenericRecord> rows = e.getValue();
      out.printf("%,d × step %s: %s%n", rows.size(), e.getKey().step(), e.getKey().reason());
      for (GenericRecord r : rows.subList(0, Math.min(show, rows.size()))) {
        out.println("    at " + text(r, "position"));
        if (values) {
          out.println("       " + text(r, "value"));
        }
      }
      if (rows.size() > show) {
        out.printf("    … and %,d more%n", rows.size() - show);
      }
    }
    return 0;
  }

  private static String text(GenericRecord r, String field) {
    Object v = r.getSchema().getField(field) == null ? null : r.get(field);
    return v == null ? "" : v.toString();
  }
}
