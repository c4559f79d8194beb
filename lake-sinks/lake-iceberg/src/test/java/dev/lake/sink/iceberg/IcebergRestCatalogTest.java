package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.NamedSplits;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink through the Iceberg REST protocol, against Iceberg's own REST catalog server (the adapter and servlet the
 * Iceberg project tests its REST client with, over an embedded JDBC catalog), on a real HTTP port. Commits go as
 * REST update requests with the server checking the base snapshot, so these tests prove that the split ledger is
 * still re-checked on every attempt when the catalog is remote: re-runs, concurrent runs and upserts through REST
 * leave every row once.
 */
class IcebergRestCatalogTest {
  @TempDir
  Path dir;

  private Server server;
  private IcebergCatalog backend;
  private IcebergCatalog rest;

  record Line(String split, int n) {}

  record Invoice(String invoice, String customer, double total) {}

  static final Map<String, List<Line>> SPLITS = new LinkedHashMap<>();

  static {
    for (int s = 0; s < 6; s++) {
      String name = "s" + s;
      SPLITS.put(name, IntStream.range(0, 25).mapToObj(n -> new Line(name, n)).toList());
    }
  }

  @BeforeEach
  void startRestCatalog() throws Exception {
    String warehouse = dir.resolve("warehouse").toString();
    backend = IcebergCatalog.local(warehouse);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(backend.catalog()))), "/*");
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    server.setHandler(context);
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    rest = IcebergCatalog.rest("http://127.0.0.1:" + port, warehouse);
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  private PipelineResult run(List<String> splits, int parallelism) {
    return Pipeline.from(NamedSplits.of(SPLITS).only(splits)).named("lines").withParallelism(parallelism)
        .to(rest.<Line>table("remote.lines").partitionBy("split").targetFileBytes(1024)).run();
  }

  @Test
  void appendThroughRest_thenOverlappingReRun_addsOnlyTheNewSplits_andTheServerSeesTheSameTable() throws Exception {
    PipelineResult first = run(List.of("s0", "s1", "s2"), 2);
    PipelineResult second = run(List.of("s1", "s2", "s3"), 2);
    PipelineResult third = run(List.of("s0", "s1", "s2", "s3"), 1);

    assertThat(first.rowsWritten()).isEqualTo(75);
    assertThat(second.splitsSkipped()).isEqualTo(2);
    assertThat(second.rowsWritten()).isEqualTo(25);
    assertThat(third.rowsWritten()).isZero();
    Table viaRest = rest.load("remote.lines");
    Table onServer = backend.load("remote.lines");
    assertThat(viaRest.currentSnapshot().snapshotId()).isEqualTo(onServer.currentSnapshot().snapshotId());
    assertThat(IcebergTableReader.countBy(onServer, "split"))
        .isEqualTo(Map.of("s0", 25L, "s1", 25L, "s2", 25L, "s3", 25L));
    Snapshot snapshot = onServer.currentSnapshot();
    assertThat(snapshot.summary()).containsEntry(SnapshotLedger.RUN, second.runId());
    assertThat(IcebergTableReader.filesOnDisk(onServer))
        .isEqualTo(IcebergTableReader.pathsOf(IcebergTableReader.liveFiles(onServer)));
  }

  @Test
  void threeRunsAtOnceThroughRest_overTheSameSplits_everyRowOnce() throws Exception {
    List<List<String>> inputs = List.of(List.of("s0", "s1", "s2", "s3"), List.of("s2", "s3", "s4"),
        List.of("s4", "s5", "s0"));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
    try {
      List<Future<PipelineResult>> runs = new ArrayList<>();
      for (List<String> input : inputs) {
        runs.add(pool.submit(() -> {
          start.await();
          return run(input, 2);
        }));
      }
      start.countDown();
      long written = 0;
      for (Future<PipelineResult> r : runs) {
        PipelineResult result = r.get(3, TimeUnit.MINUTES);
        assertThat(result.reconciles()).isTrue();
        written += result.rowsWritten();
      }
      assertThat(written).isEqualTo(6 * 25);
    } finally {
      pool.shutdownNow();
    }
    Map<String, Long> expected = new TreeMap<>();
    SPLITS.keySet().forEach(s -> expected.put(s, 25L));
    Table onServer = backend.load("remote.lines");
    assertThat(IcebergTableReader.countBy(onServer, "split")).isEqualTo(expected);
    assertThat(IcebergTableReader.filesOnDisk(onServer))
        .isEqualTo(IcebergTableReader.pathsOf(IcebergTableReader.liveFiles(onServer)));
  }

  @Test
  void upsertThroughRest_leavesOneRowPerKey_withTheNewestValues() throws Exception {
    List<Invoice> first = IntStream.range(0, 20).mapToObj(i -> new Invoice("inv" + i, "c" + i % 3, i)).toList();
    List<Invoice> changed = IntStream.range(15, 30).mapToObj(i -> new Invoice("inv" + i, "c" + i % 3, 100 + i))
        .toList();
    Pipeline.from(NamedSplits.of(Map.of("day1", first))).named("invoices")
        .to(rest.<Invoice>table("remote.invoices").upsertBy("invoice")).run();
    Pipeline.from(NamedSplits.of(Map.of("day2", changed))).named("invoices")
        .to(rest.<Invoice>table("remote.invoices").upsertBy("invoice")).run();

    Map<String, Double> totals = new TreeMap<>();
    for (var row : IcebergTableReader.rows(backend.load("remote.invoices"))) {
      Double before = totals.put(row.get("invoice").toString(), ((Number) row.get("total")).doubleValue());
      assertThat(before).as("invoice %s appears twice", row.get("invoice")).isNull();
    }
    assertThat(totals).hasSize(30);
    assertThat(totals.get("inv3")).isEqualTo(3.0);
    assertThat(totals.get("inv15")).isEqualTo(115.0);
    assertThat(totals.get("inv29")).isEqualTo(129.0);
  }
}
