package dev.lake.sink.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * A real HTTP client to s3proxy with faults injected on every k-th request, in turn: a 503 SlowDown answered without
 * reaching the server, a connection reset before sending, and a reset after the server has applied the request (the
 * ambiguous case: the write happened but the client never heard). Also records every request, counts parts in
 * flight, and can answer chosen requests with an error or a chosen {@link Fault}.
 */
final class FaultyHttpClient implements SdkHttpClient {
  private final SdkHttpClient delegate = UrlConnectionHttpClient.create();
  private final int every;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger faults = new AtomicInteger();
  private final AtomicInteger partsInFlight = new AtomicInteger();
  private final AtomicInteger maxPartsInFlight = new AtomicInteger();
  final List<SdkHttpRequest> seen = new CopyOnWriteArrayList<>();
  /** The fault for a request, or null: set by a test to hit chosen requests (see {@link #once}). */
  volatile Function<SdkHttpRequest, Fault> inject = r -> null;
  volatile Predicate<SdkHttpRequest> forbidden = r -> false;
  volatile Predicate<SdkHttpRequest> throttled = r -> false;

  /** What {@link #inject} can do to a request; the first three are the cycle of every-k-th faults, in order. */
  enum Fault {
    /** 503 SlowDown, without reaching the server. */
    SLOW_DOWN,
    /** A connection reset before sending. */
    RESET,
    /** A connection reset after the server applied the request: the answer is lost. */
    LOST_ANSWER,
    /** 404 NoSuchUpload, without reaching the server (what S3 may answer once an upload is completed). */
    NO_SUCH_UPLOAD
  }

  /** A fault for the requests {@code which} accepts, the i-th of them getting {@code faults[i]}; then none. */
  static Function<SdkHttpRequest, Fault> once(Predicate<SdkHttpRequest> which, Fault... faults) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      if (!which.test(r)) {
        return null;
      }
      int i = n.getAndIncrement();
      return i < faults.length ? faults[i] : null;
    };
  }

  /** Faults on every {@code every}-th request; 0 for none. */
  FaultyHttpClient(int every) {
    this.every = every;
  }

  int faults() {
    return faults.get();
  }

  int maxPartsInFlight() {
    return maxPartsInFlight.get();
  }

  long count(String method, String queryParameter) {
    return seen.stream().filter(r -> r.method().name().equals(method)
        && (queryParameter == null || r.rawQueryParameters().containsKey(queryParameter))).count();
  }

  static boolean isPart(SdkHttpRequest r, int number) {
    return r.rawQueryParameters().getOrDefault("partNumber", List.of()).contains(String.valueOf(number));
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    SdkHttpRequest http = request.httpRequest();
    seen.add(http);
    int n = requests.incrementAndGet();
    Fault chosen = inject.apply(http);
    int kind = chosen != null ? chosen.ordinal()
        : every > 0 && n % every == 0 ? (faults.incrementAndGet() % 3) : -1;
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        if (forbidden.test(http)) {
          return error(403, "AccessDenied", "Access Denied");
        }
        if (kind == 3) {
          return error(404, "NoSuchUpload", "The specified upload does not exist.");
        }
        if (kind == 0 || throttled.test(http)) {
          return error(503, "SlowDown", "Please reduce your request rate.");
        }
        if (kind == 1) {
          throw new SocketException("Connection reset");
        }
        boolean part = http.rawQueryParameters().containsKey("partNumber");
        if (part) {
          maxPartsInFlight.accumulateAndGet(partsInFlight.incrementAndGet(), Math::max);
        }
        try {
          HttpExecuteResponse response = delegate.prepareRequest(request).call();
          if (kind == 2) {
            try (InputStream body = response.responseBody().orElse(null)) {
              if (body != null) {
                body.readAllBytes();
              }
            }
            throw new SocketException("Connection reset"); // applied by the server; the answer is lost
          }
          return response;
        } finally {
          if (part) {
            partsInFlight.decrementAndGet();
          }
        }
      }

      @Override
      public void abort() {}
    };
  }

  private static HttpExecuteResponse error(int status, String code, String message) {
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
        + "</Message><RequestId>fault</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
    return HttpExecuteResponse.builder()
        .response(SdkHttpResponse.builder().statusCode(status).putHeader("Content-Type", "application/xml")
            .putHeader("Content-Length", String.valueOf(xml.length)).build())
        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(xml)))
        .build();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String clientName() {
    return "faulty";
  }
}
