package dev.lake.iam;

import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Records the calls of every AWS SDK client in the JVM, including the clients code under test builds itself (a Lambda
 * handler's S3 store, its Kinesis client), while a recording is {@link #start started}. The SDK adds it to each client
 * it builds when a test's resources list it in {@code software/amazon/awssdk/global/handlers/execution.interceptors};
 * outside a recording it does nothing.
 *
 * <pre>{@code
 * // src/test/resources/software/amazon/awssdk/global/handlers/execution.interceptors: dev.lake.iam.GlobalRecording
 * GlobalRecording.start(IamScope.of("us-east-1", "123456789012"));
 * handler.handleRequest(event, null);
 * PolicyAssert.assertExact(handler.requiredPermissions(scope), GlobalRecording.stop(), otherPaths);
 * }</pre>
 */
public final class GlobalRecording implements ExecutionInterceptor {
  private static volatile RecordingInterceptor current;

  /** Starts recording (forgetting an earlier recording). */
  public static void start(IamScope scope) {
    current = new RecordingInterceptor(scope);
  }

  /** Stops recording; returns the calls made since {@link #start}. */
  public static List<RecordingInterceptor.Call> stop() {
    RecordingInterceptor r = current;
    current = null;
    if (r == null) {
      throw new IllegalStateException("No recording was started");
    }
    return r.calls();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution ctx, ExecutionAttributes attrs) {
    RecordingInterceptor r = current;
    if (r != null) {
      r.beforeExecution(ctx, attrs);
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution ctx, ExecutionAttributes attrs) {
    RecordingInterceptor r = current;
    if (r != null) {
      r.afterExecution(ctx, attrs);
    }
  }
}
