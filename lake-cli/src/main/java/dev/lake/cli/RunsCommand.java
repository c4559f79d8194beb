package dev.lake.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lake.PipelineResult;
import dev.lake.SinkReport;
import dev.lake.StepReport;
import dev.lake.io.Locations;
import dev.lake.io.ObjectInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lake runs}: the run history from the run reports under {@code _lake/runs/}: rows in, written, rejected and
 * filtered, duration, cursor movement, per-step counts with {@code -v}; runs that do not reconcile stand out.
 *
 * <pre>{@code
 * lake runs --pipeline sparkify-songplays --last 3 -v
 * }</pre>
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = "Shows the run history: rows in / written / rejected / filtered, duration, cursor movement.",
    footer = {"", "Examples:", "  lake runs", "  lake runs --pipeline online-retail --last 3",
        "  lake runs -v          # per-step and per-sink counts, cursors whole",
        "", "Cursors longer than 40 characters and pipeline names longer than 32 are cut with '…' in the table.",
        "", "A run whose counts do not reconcile (rows in + added = written + rejected + filtered + grouped, step by step) is "
        + "shown in red on a terminal and marked '!!' otherwise."})
final class RunsCommand implements Callable<Integer> {
  /** Widest cursor and pipeline columns in the table (whole with {@code -v}). */
  static final int MAX_CURSORS = 40;
  static final int MAX_NAME = 32;
  /** A run report as Lake writes it: times and durations in ISO-8601; fields a newer Lake adds are skipped. */
  private static final ObjectMapper REPORTS = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @Spec
  CommandSpec spec;

  @Mixin
  RootOption root;

  @Option(names = {"--pipeline", "-p"}, description = "Only this pipeline's runs.")
  String pipeline;

  @Option(names = {"--last", "-n"}, defaultValue = "20", description = "The newest N runs (default: ${DEFAULT-VALUE}).")
  int last;

  @Option(names = {"--verbose", "-v"}, description = "Per-step and per-sink counts, and the cursors in full.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    OpenedLake lake = root.open();
    List<ObjectInfo> reports = OpenedLake.list(lake.lake(), "_lake/runs/");
    java.net.URI runs = lake.lake().uri("_lake/runs/");
    TreeSet<String> pipelines = new TreeSet<>();
    List<ObjectInfo> selected = new ArrayList<>();
    for (ObjectInfo o : reports) {
      String rel = Locations.relativize(runs, o.uri());
      if (!rel.endsWith(".json") || rel.indexOf('/') < 0) {
        continue;
      }
      String name = rel.substring(0, rel.lastIndexOf('/'));
      pipelines.add(name);
      if (pipeline == null || pipeline.equals(name)) {
        selected.add(o);
      }
    }
    if (pipeline != null && !pipelines.contains(pipeline)) {
      throw new CliException("No runs of pipeline '" + pipeline + "' in the lake at " + lake.root() + "."
          + DidYouMean.closest(pipeline, pipelines).map(c -> " Did you mean '" + c + "'?").orElse("")
          + (pipelines.isEmpty() ? "" : " Pipelines with runs: " + String.join(", ", pipelines) + "."));
    }
    // only the newest `last` reports are kept while reading (a heap whose head is the oldest kept): memory does not
    // grow with the number of runs
    Comparator<PipelineResult> byStart = Comparator.comparing(PipelineResult::startedAt,
        Comparator.nullsFirst(Comparator.naturalOrder()));
    java.util.PriorityQueue<PipelineResult> newest = new java.util.PriorityQueue<>(byStart);
    long read = 0;
    try (Terminal.Progress progress = Terminal.progress(spec.commandLine().getErr(), "reading run reports",
        selected.size())) {
      for (ObjectInfo o : selected) {
        progress.step();
        try {
          newest.add(REPORTS.readValue(lake.store().readAllBytes(o.uri()), PipelineResult.class));
          read++;
          if (newest.size() > last) {
            newest.poll();
          }
        } catch (IOException | RuntimeException e) {
          out.println("!! unreadable run report " + o.uri() + ": " + e.getMessage());
        }
      }
    }
    if (read == 0) {
      out.println("No run reports under " + runs + ".");
      return 0;
    }
    List<PipelineResult> shown = new ArrayList<>(newest);
    shown.sort(byStart);
    out.printf("%d of %d runs%s:%n%n", shown.size(), read,
        pipeline == null ? "" : " of " + pipeline);
    if (verbose) {
      shown.forEach(r -> details(out, r));
    } else {
      table(out, shown);
    }
    return 0;
  }

  private static void table(PrintWriter out, List<PipelineResult> runs) {
    TextTable t = new TextTable("started", "pipeline", "duration", "in", "written", "rejected", "filtered",
        "cursors", "status");
    boolean cut = false;
    for (PipelineResult r : runs) {
      // a cursor (or a name) can be hundreds of characters: cut so that status stays on the screen; -v shows it all
      String name = Format.cut(r.pipeline(), MAX_NAME);
      String cursors = Format.cut(cursors(r), MAX_CURSORS);
      cut |= !name.equals(r.pipeline()) || !cursors.equals(cursors(r));
      t.row(Format.time(r.startedAt()), name, Format.duration(r.duration()), r.rowsIn(), r.rowsWritten(),
          r.rowsRejected(), r.rowsFiltered(), cursors, status(r));
    }
    String[] lines = t.toString().split("\n");
    for (int i = 0; i < lines.length; i++) {
      out.println(i >= 2 && !runs.get(i - 2).reconciles() ? Terminal.red(lines[i]) : lines[i]);
    }
    if (cut) {
      out.println();
      out.println("(… marks text cut to fit; lake runs -v shows it whole)");
    }
  }

  private static void details(PrintWriter out, PipelineResult r) {
    String head = String.format("%s  %s  run %s  %s  splits %d%s", Format.time(r.startedAt()), r.pipeline(),
        r.runId(), Format.duration(r.duration()), r.splits(), r.reconciles() ? "" : "  " + status(r));
    out.println(r.reconciles() ? Terminal.bold(head) : Terminal.red(head));
    out.printf("  %,d in (%,d read, %,d rejected by the source), %,d written, %,d rejected, %,d filtered%s%n",
        r.rowsIn(), r.rowsRead(), r.sourceRejected(), r.rowsWritten(), r.rowsRejected(), r.rowsFiltered(),
        (r.rowsAdded() != 0 ? String.format(", %,d added by steps", r.rowsAdded()) : "")
            + (r.rowsGrouped() != 0 ? String.format(", %,d grouped into batches or groups", r.rowsGrouped()) : ""));
    // "grouped": rows a buffer or aggregate step folded beyond one per batch or group (in = out + rejected +
    // filtered + grouped for every step)
    TextTable t = new TextTable("", "name", "in", "out", "rejected", "filtered", "grouped", "commit");
    for (StepReport s : r.steps()) {
      t.row("step", s.name(), s.in(), s.out(), s.rejected(), s.filtered(), s.batched() > 0 ? s.grouped() : "", "");
    }
    for (SinkReport k : r.sinks()) {
      t.row("sink", k.name(), k.in(), k.written(), k.rejected(), "", "",
          k.unchanged() ? (k.version() == 0 ? "unchanged (no version yet)" : "unchanged (still v" + k.version() + ")")
              : String.format("v%d: %,d files, %s", k.version(), k.files(), Format.bytes(k.bytes())));
    }
    out.print(ShowCommand.indent(t.toString()));
    out.printf("  cursors: %s -> %s%n", Format.cursors(r.cursorsBefore()), Format.cursors(r.cursorsAfter()));
    if (r.rejectedDataset() != null && r.rowsRejected() > 0) {
      out.printf("  bad rows in %s (lake rejected %s)%n", r.rejectedDataset(),
          r.rejectedDataset().replaceFirst("^rejected/", ""));
    }
    out.println();
  }

  /** Cursor movement: empty when the pipeline has no cursors, "unchanged" when they did not move. */
  static String cursors(PipelineResult r) {
    boolean none = (r.cursorsBefore() == null || r.cursorsBefore().isEmpty())
        && (r.cursorsAfter() == null || r.cursorsAfter().isEmpty());
    if (none) {
      return "";
    }
    if (java.util.Objects.equals(r.cursorsBefore(), r.cursorsAfter())) {
      return "unchanged " + Format.cursors(r.cursorsAfter());
    }
    return Format.cursors(r.cursorsBefore()) + " -> " + Format.cursors(r.cursorsAfter());
  }

  static String status(PipelineResult r) {
    return r.reconciles() ? "ok" : "!! does not reconcile";
  }
}
