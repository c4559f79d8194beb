package dev.lake.lambda;

import dev.lake.Rows;
import dev.lake.Schemas;
import dev.lake.exceptions.ValidationException;
import dev.lake.format.FileFormats;
import dev.lake.iam.Access;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import dev.lake.io.RowFileWriter;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Primes a Lambda function before SnapStart takes its snapshot: builds the object store's client for the lake (the
 * AWS SDK, its HTTP client and credentials chain, a first connection) and writes one tiny Parquet file of the
 * function's row type to a scratch folder, then deletes it, so the snapshot holds the loaded and initialised classes
 * of the write path instead of each restored function paying for them on its first event. Nothing is left behind:
 * the file is deleted and its absence checked; a priming that fails deletes what it wrote and fails the snapshot
 * (SnapStart then refuses to publish the version) rather than snapshot a half-primed function.
 *
 * <p>It is an {@code org.crac} {@link Resource}: registered with the global context, it runs in
 * {@link #beforeCheckpoint}, which only a JVM that checkpoints (SnapStart's) calls. On any other JVM registering it
 * does nothing. Keep the returned object in a static field: CRaC holds resources weakly.
 *
 * <pre>{@code
 * public final class ImportSales implements RequestHandler<S3Event, String> {
 *   private static final Lake LAKE = Lake.at("s3://shop/lake");
 *   private static final S3EventRunner RUNNER = S3EventRunner.of((objects, budget) -> Pipeline
 *       .from(CsvSource.of(Sale.class).from(objects.toArray(URI[]::new))).named("import-sales")
 *       .map("to-row", RetailRow::of).to(LAKE.processed("sales").partitionBy("year", "month")));
 *   // one row shaped as the handler's rows: written to a scratch prefix before the snapshot, then deleted
 *   static final SnapStartPriming PRIMING = SnapStartPriming.register(URI.create("s3://shop/lake/_lake/priming/"),
 *       new RetailRow("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6,
 *           LocalDateTime.of(2010, 12, 1, 8, 26), new BigDecimal("2.550"), 17850L, "United Kingdom", 2010, 12));
 *
 *   public String handleRequest(S3Event event, Context context) {
 *     return RUNNER.handle(event, context).map(PipelineResult::summary).orElse("no new objects");
 *   }
 * }
 * }</pre>
 */
public final class SnapStartPriming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  private final URI scratch;
  private final Object sampleRow;
  private final AtomicInteger primed = new AtomicInteger();

  SnapStartPriming(URI scratch, Object sampleRow) {
    ValidationException.check(scratch != null && scratch.getPath() != null && scratch.getPath().endsWith("/"),
        "The priming scratch location must be a folder URI ending in '/', e.g. s3://bucket/lake/_lake/priming/, "
            + "got %s", scratch);
    this.scratch = scratch;
    this.sampleRow = Objects.requireNonNull(sampleRow, "sampleRow");
  }

  /**
   * A priming that writes {@code sampleRow} (a record of the function's row type) to one file under {@code scratch}
   * (a folder the function's role may write and delete in), registered to run before SnapStart's snapshot.
   */
  public static SnapStartPriming register(URI scratch, Object sampleRow) {
    SnapStartPriming priming = new SnapStartPriming(scratch, sampleRow);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  /** Primes: SnapStart calls this once, before it takes the snapshot. */
  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
    prime();
  }

  /** Nothing to redo after a restore: the clients built before the snapshot stay usable. */
  @Override
  public void afterRestore(Context<? extends Resource> context) {}

  /** Writes the sample row to a new file under the scratch folder and deletes it; fails if it cannot be deleted. */
  public void prime() throws IOException {
    long start = System.nanoTime();
    ObjectStore store = ObjectStores.forUri(scratch);
    URI file = scratch.resolve("priming-" + UUID.randomUUID() + ".parquet");
    try {
      WriteSpec spec = WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, Schemas.of(sampleRow.getClass()),
          Rows.model(sampleRow.getClass()));
      try (RowFileWriter rows = FileFormats.newWriter(spec, store.newWriter(file))) {
        rows.write(sampleRow);
        rows.commit();
      }
    } finally {
      store.delete(file);
    }
    if (store.stat(file).isPresent()) {
      throw new IOException("SnapStart priming could not delete its scratch file " + file);
    }
    primed.incrementAndGet();
    LOG.info("Primed the write path for SnapStart in {} ms (one file under {}, deleted)",
        (System.nanoTime() - start) / 1_000_000, scratch);
  }

  /** How many times it primed (once per snapshot; 0 on a JVM that never checkpoints). */
  public int timesPrimed() {
    return primed.get();
  }

  /** The scratch folder it writes in. */
  public URI scratch() {
    return scratch;
  }

  /** What priming needs: write, read (the absence check) and delete objects under the scratch folder only. */
  public IamPolicy requiredPermissions(IamScope scope) {
    return ObjectStores.forUri(scratch).permissions(scratch, EnumSet.of(Access.WRITE, Access.READ, Access.DELETE),
        scope);
  }
}
