package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.iam.GlobalRecording;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyAssert;
import dev.lake.iam.RecordingInterceptor;
import dev.lake.io.NamedSplits;
import dev.lake.io.ObjectStores;
import dev.lake.sink.s3.S3ObjectStore;
import dev.lake.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Iceberg table on s3proxy with every S3 call recorded as the IAM action and ARN it needs, checked against what
 * the sink declares ({@code IcebergSink.permissions}, i.e. {@code IcebergPermissions}). The store uploads in parts of
 * 5 MiB, so a data file of more than one part goes up as a multipart upload, and a run that fails after a row group
 * of such a file was sent aborts that upload ({@code s3:AbortMultipartUpload}, which the sink must therefore grant).
 * The JDBC catalog (SQLite here) makes no AWS call: the metadata files it writes go through the same store.
 */
class IcebergS3IamTest {
  static final IamScope SCOPE = IamScope.of("us-east-1", "123456789012");
  static final String TABLE_ARN = "arn:aws:s3:::ice-iam/warehouse/lake/blobs/*";
  static S3ProxyServer s3;

  @TempDir
  Path dir;

  /** A row of incompressible text: Parquet cannot make it much smaller than its length. */
  record Blob(String split, int n, String text) {}

  @BeforeAll
  static void start() {
    s3 = S3ProxyServer.start("AKIAICEBERGIAMTEST01", "iceberg/iam/NotReal+0123456789");
    try (var client = s3.client()) {
      client.createBucket(b -> b.bucket("ice-iam"));
    }
    ObjectStores.register(URI.create("s3://ice-iam"),
        S3ObjectStore.builder().endpointOverride(s3.endpoint()).pathStyle(true)
        .region(s3.region()).credentials(s3.credentials()).partSize(5 << 20).build());
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  @Test
  void append_ofMultipartFiles_everyCallIsGranted_andEveryGrantIsUsedOrNeededElsewhere() {
    IcebergCatalog catalog = catalog();
    GlobalRecording.start(SCOPE);

    // 12 MiB of text in one file: one row group of about 12 MiB, uploaded in three parts
    PipelineResult r = Pipeline.from(NamedSplits.of(Map.of("s0", blobs("s0", 12 << 20))))
        .named("blobs").to(catalog.<Blob>table("lake.blobs").targetFileBytes(16 << 20)).run();

    List<RecordingInterceptor.Call> calls = GlobalRecording.stop();
    IamPolicy policy = catalog.<Blob>table("lake.blobs").permissions(SCOPE);
    assertThat(r.rowsWritten()).isPositive();
    // a multipart upload is CreateMultipartUpload, an UploadPart per part and CompleteMultipartUpload: each is
    // s3:PutObject on the object, where a single PutObject would be one call
    assertThat(calls.stream().filter(c -> c.action().equals("s3:PutObject") && c.resource().endsWith(".parquet")))
        .as("the data file went up in parts; calls:%n%s", calls).hasSizeGreaterThanOrEqualTo(4);
    PolicyAssert.assertExact(policy, calls, Map.of(
        "s3:AbortMultipartUpload " + TABLE_ARN, "aborts the multipart upload of a data file whose run failed "
            + "(append_failingAfterAPartWasSent_abortsTheUpload_whichThePolicyAllows)",
        "s3:DeleteObject " + TABLE_ARN, "removes a failed attempt's files, expired snapshots' files and orphans",
        "s3:ListBucket arn:aws:s3:::ice-iam warehouse/lake/blobs/", "orphan-file removal lists the table's prefix"));
  }

  @Test
  void append_failingAfterAPartWasSent_abortsTheUpload_whichThePolicyAllows() {
    IcebergCatalog catalog = catalog();
    List<Blob> rows = new ArrayList<>(blobs("s0", 40 << 20)); // more than one 32 MiB row group: parts go up early
    int failAt = rows.size() - 1;
    GlobalRecording.start(SCOPE);

    assertThatThrownBy(() -> Pipeline.from(NamedSplits.of(Map.of("s0", rows))).named("blobs-failing")
        .map("fail-near-the-end", (Blob b) -> {
          if (b.n() == failAt) {
            throw new IllegalStateException("the source broke at row " + failAt);
          }
          return b;
        })
        .to(catalog.<Blob>table("lake.failing")).run())
        .hasMessageContaining("the source broke at row " + failAt);

    List<RecordingInterceptor.Call> calls = GlobalRecording.stop();
    IamPolicy policy = catalog.<Blob>table("lake.failing").permissions(SCOPE);
    List<RecordingInterceptor.Call> aborts = calls.stream()
        .filter(c -> c.action().equals("s3:AbortMultipartUpload")).toList();
    assertThat(aborts).as("the failed run's data file had parts uploaded, so its upload is aborted; calls:%n%s",
        calls).isNotEmpty();
    assertThat(calls).as("every call, the abort included, is one the sink's policy allows; policy:%n%s",
            policy.toJson())
        .allMatch(c -> policy.allows(c.action(), c.resource(), c.context()));
    try (var client = s3.client()) {
      assertThat(client.listMultipartUploads(b -> b.bucket("ice-iam").prefix("warehouse/lake/failing/"))
          .uploads()).as("no upload left behind").isEmpty();
    }
  }

  private IcebergCatalog catalog() {
    return IcebergCatalog.jdbc("jdbc:sqlite:" + dir.resolve("catalog.db"), "s3://ice-iam/warehouse");
  }

  /** About {@code bytes} of rows of random Base64 text (96 characters each), seeded: the same rows every run. */
  private static List<Blob> blobs(String split, int bytes) {
    Random random = new Random(19);
    byte[] raw = new byte[72];
    List<Blob> rows = new ArrayList<>();
    for (int n = 0; n < bytes / 96; n++) {
      random.nextBytes(raw);
      rows.add(new Blob(split, n, Base64.getEncoder().encodeToString(raw)));
    }
    return rows;
  }
}
