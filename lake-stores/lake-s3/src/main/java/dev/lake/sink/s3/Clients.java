package dev.lake.sink.s3;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client a store owns: url-connection HTTP client, standard retries with more attempts and jitter. */
final class Clients {
  private Clients() {}

  static S3Client build(S3ObjectStore.Builder b, List<AutoCloseable> owned) {
    SdkHttpClient http = b.httpClient;
    if (http == null) {
      // The JDK's HttpURLConnection underneath: no extra threads or native code, quick to start in a Lambda.
      http = UrlConnectionHttpClient.builder()
          .connectionTimeout(Duration.ofSeconds(10))
          .socketTimeout(Duration.ofSeconds(60))
          .build();
      owned.add(http);
    }
    S3ClientBuilder builder = S3Client.builder()
        .httpClient(http)
        .region(b.region != null ? b.region : defaultRegion())
        .credentialsProvider(b.credentials != null ? b.credentials : DefaultCredentialsProvider.builder().build())
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .addExecutionInterceptor(new NoExpectContinue())
            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(b.sdkAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(5)))
                .throttlingBackoffStrategy(
                    BackoffStrategy.exponentialDelay(Duration.ofMillis(250), Duration.ofSeconds(10)))
                .build())
            .build());
    if (b.endpoint != null) {
      builder.endpointOverride(b.endpoint);
    } else {
      builder.crossRegionAccessEnabled(true); // a bucket in another region still works (after one redirect)
    }
    if (b.pathStyle != null) {
      builder.forcePathStyle(b.pathStyle);
    }
    S3Client client = builder.build();
    owned.add(0, client);
    return client;
  }

  /**
   * Drops {@code Expect: 100-continue} from the requests of store-built clients. With the url-connection client it
   * costs a wait on every PutObject and UploadPart against servers that answer the expectation late (the Online
   * Retail example took 11.6 s instead of 5.5 s on s3proxy), and a store answering 412 to a conditional put before
   * reading the body left the kept-alive connection unusable (the next request stalled). Bodies are at most one part,
   * so sending one that is then refused costs little.
   */
  static final class NoExpectContinue implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      SdkHttpRequest request = context.httpRequest();
      return request.firstMatchingHeader("Expect").isPresent()
          ? request.toBuilder().removeHeader("Expect").build() : request;
    }
  }

  private static Region defaultRegion() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      return Region.US_EAST_1;
    }
  }

  /** The secrets of credentials given explicitly, so that Lake can keep them out of what it writes. */
  static List<String> secrets(AwsCredentialsProvider provider) {
    List<String> out = new ArrayList<>();
    if (provider instanceof StaticCredentialsProvider) {
      AwsCredentials c = provider.resolveCredentials();
      out.add(c.accessKeyId());
      out.add(c.secretAccessKey());
      if (c instanceof AwsSessionCredentials s) {
        out.add(s.sessionToken());
      }
    }
    return out;
  }
}
