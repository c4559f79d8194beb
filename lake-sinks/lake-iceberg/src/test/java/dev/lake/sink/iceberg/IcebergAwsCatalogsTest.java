package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.SinkException;
import dev.lake.io.NamedSplits;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS catalogs, as far as they can be tested offline. Neither Glue nor S3 Tables runs here, so:
 *
 * <ul>
 *   <li>a SigV4-signed REST catalog ({@link IcebergCatalog#signedFor}) runs a whole pipeline against Iceberg's own
 *       REST catalog server behind a filter that refuses every request not signed {@code AWS4-HMAC-SHA256} with the
 *       test key for the region and service asked for (the signature computed again by the AWS SDK's signer);
 *   <li>the Glue catalog ({@link IcebergCatalog#glue}) is pointed at a local HTTP server that records what it is
 *       sent and answers as Glue does for a missing database ({@code EntityNotFoundException}): the test checks the
 *       first call is a validly signed {@code AWSGlue.GetTable} for the right database and table, never that
 *       anything works against it; and an unreachable Glue endpoint fails naming the fix.
 * </ul>
 * No secret key may appear in an exception or a log line.
 */
class IcebergAwsCatalogsTest {
  static final String KEY_ID = "AKIDLAKETEST00000001";
  static final String SECRET = "lakeTestSecret/NeverShown+0123456789abcdefgh";
  private static final Pattern SIGV4 = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)"
      + "/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");

  @TempDir
  Path dir;

  record Line(String split, int n) {}

  /** Static test keys for the Glue client ({@code client.credentials-provider}). */
  public static final class TestKeys implements AwsCredentialsProvider {
    public static TestKeys create() {
      return new TestKeys();
    }

    @Override
    public AwsCredentials resolveCredentials() {
      return AwsBasicCredentials.create(KEY_ID, SECRET);
    }
  }

  /**
   * Refuses (403) every request whose {@code Authorization} is not a valid SigV4 signature by the test key for the
   * region and service: the shape is checked, then the signature is computed again by the AWS SDK's own signer over
   * the request as received (method, path, query, the signed headers, the body) at its {@code X-Amz-Date}.
   */
  static final class RequireSigV4 implements Filter {
    final String region;
    final String service;
    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();

    RequireSigV4(String region, String service) {
      this.region = region;
      this.service = service;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) req;
      byte[] body = http.getInputStream().readAllBytes();
      String auth = http.getHeader("Authorization");
      String line = http.getMethod() + " " + http.getRequestURI();
      Matcher m = auth == null ? null : SIGV4.matcher(auth);
      boolean signed = m != null && m.matches() && m.group(1).equals(KEY_ID) && m.group(3).equals(region)
          && m.group(4).equals(service) && http.getHeader("X-Amz-Date") != null
          && auth.equals(signAgain(http, body, m.group(5)));
      if (!signed) {
        refused.add(line + " " + auth);
        ((HttpServletResponse) res).sendError(403, "not signed for " + region + "/" + service);
        return;
      }
      seen.add(line);
      chain.doFilter(new BufferedBody(http, body), res);
    }

    private String signAgain(HttpServletRequest http, byte[] body, String signedHeaders) {
      String query = http.getQueryString();
      return IcebergAwsCatalogsTest.signAgain(http.getMethod(), "http://" + http.getHeader("Host")
          + http.getRequestURI() + (query == null ? "" : "?" + query),
          h -> java.util.Collections.list(http.getHeaders(h)), body, signedHeaders, http.getHeader("X-Amz-Date"),
          region, service);
    }
  }

  /**
   * The Authorization header the AWS SDK's SigV4 signer gives a request as received: method, URI, the headers it
   * signed ({@code headers} gives each one's values), the body, signed at {@code amzDate} with the test key.
   */
  @SuppressWarnings("deprecation") // Aws4Signer: the signer iceberg-aws 1.10 signs with, so the one to check against
  static String signAgain(String method, String uri, java.util.function.Function<String, List<String>> headers,
      byte[] body, String signedHeaders, String amzDate, String region, String service) {
    SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.fromValue(method))
        .uri(URI.create(uri))
        .contentStreamProvider(() -> new ByteArrayInputStream(body));
    for (String header : signedHeaders.split(";")) {
      if (!header.equals("host") && !header.equals("x-amz-date")) {
        headers.apply(header).forEach(v -> request.appendHeader(header, v));
      }
    }
    Instant at = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
        .parse(amzDate, Instant::from);
    Aws4SignerParams params = Aws4SignerParams.builder()
        .awsCredentials(AwsBasicCredentials.create(KEY_ID, SECRET))
        .signingName(service)
        .signingRegion(Region.of(region))
        .signingClockOverride(Clock.fixed(at, ZoneOffset.UTC))
        .build();
    return Aws4Signer.create().sign(request.build(), params).firstMatchingHeader("Authorization").orElse("");
  }

  /** The request with its body read already, for the servlet behind the filter. */
  static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }

  /** Iceberg's REST catalog server over an embedded JDBC catalog, behind {@code filter}; returns its port. */
  private Server restServer(IcebergCatalog backend, Filter filter) throws Exception {
    ServletContextHandler context = new ServletContextHandler();
    context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(backend.catalog()))), "/*");
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    server.setHandler(context);
    server.start();
    return server;
  }

  private static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  private static PipelineResult run(IcebergCatalog catalog, String table) {
    Map<String, List<Line>> splits = Map.of("s0", List.of(new Line("s0", 1), new Line("s0", 2)),
        "s1", List.of(new Line("s1", 3)));
    return Pipeline.from(NamedSplits.of(splits)).named("lines").withParallelism(2)
        .to(catalog.<Line>table(table).partitionBy("split")).run();
  }

  /** Runs {@code action} with System.err (where slf4j-simple logs) copied into the returned text. */
  private static String logsOf(ThrowingRunnable action) throws Exception {
    PrintStream before = System.err;
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    System.setErr(new PrintStream(new TeeStream(before, copy), true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(before);
    }
    return copy.toString(StandardCharsets.UTF_8);
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }

  private static String chain(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
      for (Throwable s : t.getSuppressed()) {
        text.append(s).append('\n');
      }
    }
    return text.toString();
  }

  @Test
  void sigV4RestCatalog_everyRequestSigned_aWholeRunCommits_andNoSecretShows() throws Exception {
    String warehouse = dir.resolve("warehouse").toString();
    IcebergCatalog backend = IcebergCatalog.local(warehouse);
    RequireSigV4 filter = new RequireSigV4("eu-west-1", "s3tables");
    Server server = restServer(backend, filter);
    try {
      IcebergCatalog signed = IcebergCatalog.rest("http://127.0.0.1:" + port(server), warehouse)
          .signedFor("s3tables", "eu-west-1")
          .with("rest.access-key-id", KEY_ID).with("rest.secret-access-key", SECRET);
      PipelineResult[] result = new PipelineResult[2];
      String logs = logsOf(() -> {
        result[0] = run(signed, "signed.lines");
        result[1] = run(signed, "signed.lines");
      });

      assertThat(result[0].rowsWritten()).isEqualTo(3);
      assertThat(result[1].rowsWritten()).as("the re-run skips the committed splits").isZero();
      assertThat(IcebergTableReader.countBy(backend.load("signed.lines"), "split"))
          .isEqualTo(Map.of("s0", 2L, "s1", 1L));
      assertThat(filter.refused).isEmpty();
      assertThat(filter.seen).anyMatch(r -> r.startsWith("POST ") && r.contains("/tables/lines"))
          .anyMatch(r -> r.startsWith("GET ") && r.contains("/v1/config"));
      assertThat(logs).doesNotContain(SECRET);
      assertThat(signed.toString()).doesNotContain(SECRET).contains("rest.signing-name=s3tables");
    } finally {
      server.stop();
    }
  }

  @Test
  void sigV4RestCatalog_signedForAnotherRegion_isRefused_andTheErrorHoldsNoSecret() throws Exception {
    String warehouse = dir.resolve("warehouse").toString();
    RequireSigV4 filter = new RequireSigV4("eu-west-1", "glue");
    Server server = restServer(IcebergCatalog.local(warehouse), filter);
    try {
      IcebergCatalog wrongRegion = IcebergCatalog.rest("http://127.0.0.1:" + port(server), warehouse)
          .signedFor("glue", "us-east-1")
          .with("rest.access-key-id", KEY_ID).with("rest.secret-access-key", SECRET);
      String[] error = {null};
      String logs = logsOf(() -> {
        try {
          run(wrongRegion, "signed.lines");
        } catch (RuntimeException e) {
          error[0] = chain(e);
        }
      });
      assertThat(error[0]).as("the run fails").isNotNull().doesNotContain(SECRET)
          .contains("refused the request").contains("signedFor(\"glue\", \"us-east-1\")");
      assertThat(filter.refused).isNotEmpty().allMatch(r -> r.contains("/us-east-1/glue/aws4_request"));
      assertThat(logs).doesNotContain(SECRET);
    } finally {
      server.stop();
    }
  }

  @Test
  void signedFor_onANonRestCatalog_isRefusedNamingTheFix() {
    assertThatThrownBy(() -> IcebergCatalog.local(dir.toString()).signedFor("s3tables", "eu-west-1"))
        .hasMessageContaining("signs requests to a REST catalog")
        .hasMessageContaining("IcebergCatalog.rest(uri, warehouse)");
  }

  /** A stand-in for Glue's endpoint that records each request and answers as Glue does for a missing database. */
  static final class GlueRecorder implements AutoCloseable {
    final HttpServer server;
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    GlueRecorder() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Matcher m = SIGV4.matcher(auth);
        String again = !m.matches() ? "" : signAgain(exchange.getRequestMethod(), "http://"
            + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI(),
            h -> exchange.getRequestHeaders().getOrDefault(h, List.of()),
            body.getBytes(StandardCharsets.UTF_8), m.group(5),
            exchange.getRequestHeaders().getFirst("X-Amz-Date"), m.group(3), m.group(4));
        requests.add(Map.of("method", exchange.getRequestMethod(),
            "target", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
            "authorization", auth, "signed-again", again, "body", body));
        byte[] error = "{\"__type\":\"EntityNotFoundException\",\"Message\":\"Database shop not found.\"}"
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-ErrorType", "EntityNotFoundException");
        exchange.sendResponseHeaders(400, error.length);
        exchange.getResponseBody().write(error);
        exchange.close();
      });
      server.start();
    }

    String endpoint() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private IcebergCatalog glueAt(String endpoint) {
    return IcebergCatalog.glue(dir.resolve("warehouse").toString(), "eu-west-1")
        .with("glue.endpoint", endpoint)
        .with("client.credentials-provider", TestKeys.class.getName());
  }

  @Test
  void glueCatalog_firstCallIsASignedGetTableForTheDatabaseAndTable() throws Exception {
    try (GlueRecorder glue = new GlueRecorder()) {
      IcebergCatalog catalog = glueAt(glue.endpoint());
      String[] error = {null};
      String logs = logsOf(() -> {
        try {
          run(catalog, "shop.invoice_lines");
        } catch (RuntimeException e) {
          error[0] = chain(e);
        }
      });

      assertThat(glue.requests).isNotEmpty();
      Map<String, String> first = glue.requests.get(0);
      assertThat(first.get("method")).isEqualTo("POST");
      assertThat(first.get("target")).isEqualTo("AWSGlue.GetTable");
      assertThat(first.get("body")).contains("\"DatabaseName\":\"shop\"").contains("\"Name\":\"invoice_lines\"");
      Matcher signature = SIGV4.matcher(first.get("authorization"));
      assertThat(signature.matches()).as(first.get("authorization")).isTrue();
      assertThat(signature.group(1)).isEqualTo(KEY_ID);
      assertThat(signature.group(3)).isEqualTo("eu-west-1");
      assertThat(signature.group(4)).isEqualTo("glue");
      assertThat(first.get("signed-again")).as("the signature, computed again").isEqualTo(first.get("authorization"));
      // Glue answered that the database is missing; creating it was refused the same way: the run fails, loudly
      assertThat(error[0]).as("the run fails").isNotNull().contains("EntityNotFoundException").doesNotContain(SECRET);
      assertThat(glue.requests).extracting(r -> r.get("target")).contains("AWSGlue.CreateDatabase");
      assertThat(logs).doesNotContain(SECRET);
    }
  }

  @Test
  void glueCatalog_unreachable_failsNamingTheFix() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closed = s.getLocalPort();
    }
    IcebergCatalog catalog = glueAt("http://127.0.0.1:" + closed);
    assertThatThrownBy(() -> run(catalog, "shop.invoice_lines"))
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("Cannot reach the AWS Glue catalog (http://127.0.0.1:" + closed + ")")
        .hasMessageContaining("check the region")
        .hasMessageContaining("Glue VPC endpoint")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void glueCatalog_declaresTheTablesGlueActionsAndItsPrefix() {
    dev.lake.iam.IamPolicy p = IcebergCatalog.glue("s3://bucket/warehouse", "eu-west-1")
        .table("shop.invoice_lines").permissions(dev.lake.iam.IamScope.of("eu-west-1", "123456789012"));
    assertThat(p.allows("glue:GetTable", "arn:aws:glue:eu-west-1:123456789012:table/shop/invoice_lines", Map.of()))
        .isTrue();
    assertThat(p.allows("glue:CreateDatabase", "arn:aws:glue:eu-west-1:123456789012:database/shop", Map.of()))
        .isTrue();
    assertThat(p.allows("s3:PutObject", "arn:aws:s3:::bucket/warehouse/shop.db/invoice_lines/data/x.parquet",
        Map.of())).isTrue();
  }

  @Test
  void aMissingOptionalLibrary_isNamedWithItsCoordinates() {
    assertThatThrownBy(() -> AwsCatalogs.require("IcebergCatalog.glue",
        Map.of("org.apache.iceberg:iceberg-aws", "org.apache.iceberg.aws.glue.GlueCatalog",
            "software.amazon.awssdk:glue", "software.amazon.awssdk.services.glue.NoSuchClientHere")))
        .hasMessageStartingWith("IcebergCatalog.glue needs software.amazon.awssdk:glue on the classpath")
        .hasMessageContaining("optional dependencies of dev.lake:lake-iceberg");
  }
}
