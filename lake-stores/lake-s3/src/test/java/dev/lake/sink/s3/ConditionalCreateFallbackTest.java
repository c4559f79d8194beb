package dev.lake.sink.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A store that ignores {@code If-None-Match} (as some S3-compatible stores do): the probe notices, and conditional
 * creates fall back to HEAD then PUT, which still refuses to replace an existing manifest.
 */
class ConditionalCreateFallbackTest {

  /** Drops the If-None-Match header from every request, like a store that does not know it. */
  static final class IgnoreIfNoneMatch implements ExecutionInterceptor {
    final java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      if (context.httpRequest().firstMatchingHeader("If-None-Match").isPresent()) {
        dropped.incrementAndGet();
      }
      return context.httpRequest().toBuilder().removeHeader("If-None-Match").build();
    }
  }

  @Test
  void createIfAbsent_storeIgnoringIfNoneMatch_fallsBackAndStillRefusesSecondCreate() throws IOException {
    IgnoreIfNoneMatch ignore = new IgnoreIfNoneMatch();
    try (S3Client plain = S3Proxies.client();
        S3Client ignoring = S3Client.builder()
            .endpointOverride(S3Proxies.endpoint())
            .forcePathStyle(true)
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .credentialsProvider(S3Proxies.CREDENTIALS)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(c -> c.addExecutionInterceptor(ignore))
            .build()) {
      String bucket = S3Proxies.bucket(plain);
      S3ObjectStore store = S3ObjectStore.builder().client(ignoring).build();
      URI manifest = URI.create("s3://" + bucket + "/lake/_lake/manifests/processed/x/v1.json");

      boolean first = store.createIfAbsent(manifest, "first".getBytes(UTF_8));
      boolean second = store.createIfAbsent(manifest, "second".getBytes(UTF_8));

      // the probe's two conditional puts at least (a retry under load may add one)
      assertThat(ignore.dropped.get()).as("conditional puts the store ignored").isGreaterThanOrEqualTo(2);
      assertThat(first).isTrue();
      assertThat(second).isFalse();
      assertThat(store.readAllBytes(manifest)).asString(UTF_8).isEqualTo("first");
      assertThat(S3Proxies.keys(plain, bucket)).as("the probe object is cleaned up")
          .containsExactly("lake/_lake/manifests/processed/x/v1.json");
    }
  }
}
