package dev.lake.benchmarks.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Drives one cold start: builds the S3 event for {@code s3://<bucket>/<key>}, instantiates the handler class (by name,
 * so any {@code RequestHandler<S3Event, ?>} on the classpath can be measured), calls it once and prints when the
 * first record was written: {@code first-record-written-at-epoch-ms=<ms> jvm-start-epoch-ms=<ms> cpu-ms=<ms>}
 * (the last: CPU time the JVM used until then, all threads, which other load on the machine changes less than the
 * wall time), then the handler's answer. The benchmark starts this in a fresh JVM per run.
 *
 * <pre>{@code
 * LAKE_ROOT=s3://bench/lake LAKE_S3_ENDPOINT=http://127.0.0.1:9000 \
 *   java -cp target/lake-s3-csv-handler.jar dev.lake.benchmarks.lambda.ColdStart \
 *   dev.lake.benchmarks.lambda.CsvToParquetHandler bench in/2010-12-01.csv.gz
 * }</pre>
 */
public final class ColdStart {
  private ColdStart() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ColdStart <handler class> <bucket> <key>");
    }
    S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(args[2], 0L, "", "", "");
    S3EventNotification.S3BucketEntity bucket = new S3EventNotification.S3BucketEntity(args[1], null,
        "arn:aws:s3:::" + args[1]);
    S3Event event = new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord("us-east-1",
        "ObjectCreated:Put", "aws:s3", "2026-11-26T00:00:00.000Z", "2.1", null, null,
        new S3EventNotification.S3Entity("cold-start", bucket, object, "1.0"), null)));
    RequestHandler<S3Event, ?> handler = (RequestHandler<S3Event, ?>) Class.forName(args[0])
        .getDeclaredConstructor().newInstance();
    Object answer = handler.handleRequest(event, new InvocationContext(System.currentTimeMillis() + 900_000));
    long done = System.currentTimeMillis();
    long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1_000_000;
    System.out.println("first-record-written-at-epoch-ms=" + done + " jvm-start-epoch-ms="
        + ManagementFactory.getRuntimeMXBean().getStartTime() + " cpu-ms=" + cpuMs);
    System.out.println(answer);
  }

  /**
   * The context of one invocation with a 15-minute timeout, as Lambda passes it. Not lake-testing's
   * {@code LocalContext}: {@code --lambda-jar} puts this class after any handler jar, which need not contain Lake.
   */
  private record InvocationContext(long deadlineMs) implements Context {
    @Override
    public String getAwsRequestId() {
      return "cold-start";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/cold-start";
    }

    @Override
    public String getLogStreamName() {
      return "cold-start";
    }

    @Override
    public String getFunctionName() {
      return "cold-start";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:000000000000:function:cold-start";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return (int) Math.max(0, deadlineMs - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
          System.err.write(message, 0, message.length);
        }
      };
    }
  }
}
