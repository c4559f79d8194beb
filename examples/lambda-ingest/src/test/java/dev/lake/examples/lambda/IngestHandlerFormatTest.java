package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code LAKE_FORMAT}, which the table-writing handlers read, does not apply to the ingest handler (it puts rows on a
 * stream): a value other than {@code parquet} fails the function's initialisation, naming the value and the fix.
 */
class IngestHandlerFormatTest {
  static final String MESSAGE = "LAKE_FORMAT=iceberg does not apply to the ingest handler: it puts each request's "
      + "rows on the Kinesis stream and writes no table. Choose the format where the stream is consumed (a pipeline "
      + "from KinesisSource into the lake or an IcebergSink) and unset LAKE_FORMAT here";

  @Test
  void checkFormat_unsetBlankOrParquet_isAccepted_anythingElseFailsNamingIt() {
    System.setProperty("aws.region", "us-east-1"); // the handler class builds its Kinesis client when initialised
    for (String ok : new String[] {null, "", " ", "parquet", "PARQUET"}) {
      assertThat(IngestHandler.checkFormat(ok)).isEqualTo(ok);
    }
    assertThatThrownBy(() -> IngestHandler.checkFormat(" iceberg ")).isInstanceOf(IllegalStateException.class)
        .hasMessage(MESSAGE);
  }

  /** Lambda initialises the handler class in a fresh JVM with the function's environment: so does this test. */
  @Test
  void init_withLakeFormatIceberg_failsBeforeAnyClientIsBuilt_sayingWhy() throws Exception {
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(List.of(javaBin, "-cp", classPath, IngestHandlerFormatTest.class.getName()))
        .redirectErrorStream(true);
    pb.environment().put("LAKE_FORMAT", "iceberg");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as(out).isNotZero();
    assertThat(out).contains("ExceptionInInitializerError").contains(MESSAGE);
  }

  /** The child of {@link #init_withLakeFormatIceberg_failsBeforeAnyClientIsBuilt_sayingWhy}: loads the handler. */
  public static void main(String[] args) throws Exception {
    Class.forName(IngestHandler.class.getName());
    System.out.println("initialised");
  }
}
