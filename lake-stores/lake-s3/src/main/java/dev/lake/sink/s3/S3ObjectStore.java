package dev.lake.sink.s3;

import dev.lake.exceptions.SinkException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectWriter;
import dev.lake.io.StagedObject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The {@code s3://} object store: every lake feature (partitioned Parquet, manifests, cursors, reading back, the file
 * sources) works unchanged on an {@code s3://bucket/prefix} root. Writes are streaming multipart uploads with parts
 * sent in parallel while the writer keeps producing, memory bounded by about {@code (maxPartsInFlight + 1) *
 * partSize}; an object appears only when its writer commits and a failed or abandoned write is aborted. Throttling
 * (503 SlowDown), 500s and reset connections are retried with jittered backoff, by the SDK and again by Lake.
 *
 * <p>With {@code lake-s3} on the classpath {@code Lake.at("s3://bucket/lake")} finds a default store by itself
 * ({@link S3ObjectStoreProvider}). Build one yourself for other options and register it for the bucket:
 *
 * <pre>{@code
 * S3ObjectStore store = S3ObjectStore.builder()
 *     .region(Region.EU_WEST_1)
 *     .serverSideEncryption(ServerSideEncryption.AWS_KMS).kmsKeyId("alias/lake")
 *     .storageClass(StorageClass.INTELLIGENT_TIERING)
 *     .tags(Map.of("team", "data"))
 *     .build();
 * ObjectStores.register(URI.create("s3://my-bucket"), store);
 * Lake lake = Lake.at("s3://my-bucket/lake");
 * }</pre>
 *
 * <p>For an S3-compatible store (s3proxy, MinIO, LocalStack): {@code .endpointOverride(URI.create("http://localhost:9000"))
 * .pathStyle(true)}. A caller-owned {@link S3Client} ({@code .client(s3)}) is used as it is and never closed; the
 * store closes only the client, HTTP client and threads it created. Credentials never appear in {@link #toString()},
 * logs or exception messages.
 *
 * <p>Staged writes ({@link #newStagedWriter}) are kept as the S3A magic committer keeps its files: an incomplete
 * multipart upload to the final key, invisible to listings and reads, that {@link #publish} completes with one
 * request, from any process holding the serializable handle. {@link #move} copies server-side.
 *
 * <pre>{@code
 * try (ObjectWriter out = store.newStagedWriter(URI.create("s3://my-bucket/lake/part-0.parquet"))) {
 *   out.write(bytes);
 *   out.commit();                    // all parts sent; the upload stays incomplete
 *   store.publish(out.staged());     // CompleteMultipartUpload: visible now
 * }
 * }</pre>
 *
 * <p>Conditional creates ({@link #createIfAbsent}, used for manifests and cursors) send {@code If-None-Match: *}. A
 * store that refuses the header (501 NotImplemented) or silently ignores it (detected once per bucket with a probe
 * object) gets a fallback: HEAD, then PUT. That fallback is not safe for two writers committing the same dataset at
 * the same instant; run one writer per dataset on such stores.
 */
public final class S3ObjectStore implements ObjectStore {
  private final S3Operations ops;
  private final Builder settings;
  private final ConditionalCreate conditional;
  private final ServerSideCopy copy;
  private final ExecutorService uploads;
  private final List<AutoCloseable> owned;

  private S3ObjectStore(Builder b, S3Client client, List<AutoCloseable> owned, Redactor redactor) {
    this.settings = b.copy();
    this.ops = new S3Operations(client, new Retrier(b.lakeAttempts, 100, 5_000, redactor),
        new WriteOptions(b.sse, b.kmsKeyId, b.storageClass, Map.copyOf(b.tags), b.checksum), redactor);
    this.conditional = new ConditionalCreate(ops);
    this.owned = owned;
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(b.uploadThreads, b.uploadThreads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "lake-s3-upload-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    this.uploads = pool;
    this.copy = new ServerSideCopy(ops, pool, b.singleCopyLimit, b.copyPartSize);
  }

  /** A builder with the defaults: region and credentials from the default chains, 8 MiB parts, 4 in flight. */
  public static Builder builder() {
    return new Builder();
  }

  /** A store with every default (see {@link #builder()}). */
  public static S3ObjectStore create() {
    return builder().build();
  }

  /** The S3 client this store uses (its own or the caller's). */
  public S3Client client() {
    return ops.s3;
  }

  @Override
  public InputStream open(URI uri) throws IOException {
    S3Location at = S3Location.of(uri);
    try {
      return new ResumingInputStream(ops, at, ops.get(at, null, null), 0, -1);
    } catch (SinkException e) {
      throw notFoundOr(e, uri);
    }
  }

  @Override
  public InputStream open(URI uri, long offset, long length) throws IOException {
    S3Location at = S3Location.of(uri);
    if (length <= 0) {
      return InputStream.nullInputStream();
    }
    try {
      return new ResumingInputStream(ops, at,
          ops.get(at, "bytes=" + offset + "-" + (offset + length - 1), null), offset, offset + length);
    } catch (SinkException e) {
      if (e.getCause() instanceof software.amazon.awssdk.services.s3.model.S3Exception s3e
          && s3e.statusCode() == 416) {
        return InputStream.nullInputStream(); // a range past the end: nothing to read, as with a local file
      }
      throw notFoundOr(e, uri);
    }
  }

  private static IOException notFoundOr(SinkException e, URI uri) {
    if (e.getCause() instanceof SdkException sdk && S3Operations.notFound(sdk)) {
      return new FileNotFoundException("No such object: " + uri);
    }
    throw e;
  }

  @Override
  public Optional<ObjectInfo> stat(URI uri) throws IOException {
    return Listing.stat(ops, S3Location.of(uri));
  }

  @Override
  public List<ObjectInfo> list(URI prefix, boolean recursive) throws IOException {
    List<ObjectInfo> out = Listing.list(ops, S3Location.of(prefix).asPrefix(), recursive);
    out.sort(Comparator.comparing(o -> o.uri().toString()));
    return out;
  }

  @Override
  public ObjectWriter newWriter(URI uri) {
    return new MultipartWriter(ops, S3Location.of(uri), settings.partSize, settings.maxPartsInFlight, uploads);
  }

  /**
   * A writer whose object, whatever its size, is an incomplete multipart upload to {@code target} once committed:
   * not listed by ListObjectsV2, not readable, found only by ListMultipartUploads (as the S3A magic committer stages
   * files). Parts, memory bounds and write options are those of {@link #newWriter}.
   */
  @Override
  public ObjectWriter newStagedWriter(URI target) {
    return new MultipartWriter(ops, S3Location.of(target), settings.partSize, settings.maxPartsInFlight, uploads,
        true);
  }

  /**
   * CompleteMultipartUpload with the handle's parts. When the upload is gone, a HEAD of the target decides: an object
   * of the staged size there means published already; otherwise {@link FileNotFoundException}. The complete is not
   * conditional: an object another writer put at the same key meanwhile is replaced (Lake's file names are unique per
   * run and attempt, so only a bug makes two writers share one).
   */
  @Override
  public void publish(StagedObject staged) throws IOException {
    StagedUploads.publish(ops, staged);
  }

  /** AbortMultipartUpload of the staged upload; one that is gone already is fine. */
  @Override
  public void discard(StagedObject staged) throws IOException {
    StagedUploads.discard(ops, staged);
  }

  /**
   * A server-side copy (CopyObject, or UploadPartCopy over 5 GiB) with this store's encryption and storage class,
   * then a delete of {@code from}.
   */
  @Override
  public void move(URI from, URI to) throws IOException {
    copy.move(S3Location.of(from), S3Location.of(to));
  }

  /** The incomplete multipart uploads under {@code prefix} (staged objects and unfinished writes), by target. */
  @Override
  public List<ObjectInfo> listUnpublished(URI prefix) throws IOException {
    return StagedUploads.listUnpublished(ops, S3Location.of(prefix).asPrefix());
  }

  @Override
  public boolean createIfAbsent(URI uri, byte[] content) throws IOException {
    return conditional.createIfAbsent(S3Location.of(uri), content);
  }

  @Override
  public void delete(URI uri) throws IOException {
    Listing.deleteAll(ops, List.of(S3Location.of(uri)));
  }

  @Override
  public void deleteAll(List<URI> uris) throws IOException {
    Listing.deleteAll(ops, uris.stream().map(S3Location::of).toList());
  }

  /** Aborts the multipart uploads (staged objects too) under {@code prefix} initiated before {@code startedBefore}. */
  @Override
  public void abortIncompleteWrites(URI prefix, Instant startedBefore) throws IOException {
    Listing.abortUploads(ops, S3Location.of(prefix).asPrefix(), startedBefore, "");
  }

  /** Aborts the multipart uploads under {@code prefix} to file names starting with {@code fileNamePrefix}. */
  @Override
  public void abortIncompleteWrites(URI prefix, Instant startedBefore, String fileNamePrefix) throws IOException {
    Listing.abortUploads(ops, S3Location.of(prefix).asPrefix(), startedBefore, fileNamePrefix);
  }

  /**
   * The S3 actions each {@link dev.lake.iam.Access} needs under {@code location}, on exact object and bucket ARNs,
   * plus {@code kms:*} grants on the key when SSE-KMS uses a key ARN or id.
   */
  @Override
  public dev.lake.iam.IamPolicy permissions(URI location, java.util.Set<dev.lake.iam.Access> access,
      dev.lake.iam.IamScope scope) {
    return S3Permissions.of(location, access, settings.kmsKeyId, scope);
  }

  /** Stops the upload threads and closes the S3 and HTTP clients this store created; a caller's client stays open. */
  @Override
  public void close() throws IOException {
    uploads.shutdown();
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IOException("Closing " + c.getClass().getSimpleName() + " failed", e);
      }
    }
  }

  @Override
  public String toString() {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("client", settings.client != null ? "caller's" : "own");
    shown.put("region", settings.region);
    shown.put("endpoint", settings.endpoint);
    shown.put("pathStyle", settings.pathStyle);
    shown.put("credentials", settings.credentials != null ? "given" : settings.client != null ? null : "default chain");
    shown.put("sse", settings.sse);
    shown.put("kmsKeyId", settings.kmsKeyId != null ? "set" : null);
    shown.put("storageClass", settings.storageClass);
    shown.put("tags", settings.tags.isEmpty() ? null : settings.tags.keySet());
    shown.put("checksum", settings.checksum);
    shown.put("partSize", settings.partSize);
    shown.put("maxPartsInFlight", settings.maxPartsInFlight);
    shown.values().removeIf(v -> v == null);
    return "S3ObjectStore" + shown;
  }

  /**
   * Configures an {@link S3ObjectStore}. Every option is checked by {@link #build()} before any request is made.
   *
   * <pre>{@code
   * // given: S3Client myS3Client
   * S3ObjectStore store = S3ObjectStore.builder().client(myS3Client).partSize(16 << 20).build();
   * }</pre>
   */
  public static final class Builder {
    static final int MIN_PART = 5 << 20;

    S3Client client;
    SdkHttpClient httpClient;
    Region region;
    URI endpoint;
    Boolean pathStyle;
    AwsCredentialsProvider credentials;
    ServerSideEncryption sse;
    String kmsKeyId;
    StorageClass storageClass;
    Map<String, String> tags = new LinkedHashMap<>();
    ChecksumAlgorithm checksum;
    int partSize = 8 << 20;
    int maxPartsInFlight = 4;
    int uploadThreads = 8;
    int sdkAttempts = 6;
    int lakeAttempts = 5;
    long singleCopyLimit = ServerSideCopy.MAX_SINGLE_COPY; // lowered by tests to reach the multipart copy
    long copyPartSize = 512L << 20;

    Builder() {}

    /** Uses this client as it is (its region, endpoint, credentials, HTTP client and retries); never closes it. */
    public Builder client(S3Client client) {
      this.client = client;
      return this;
    }

    /** The HTTP client for a store-built S3 client (default: the url-connection client, light and Lambda-friendly). */
    public Builder httpClient(SdkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /** The region (default: the SDK's region chain, {@code AWS_REGION}, profile, instance metadata; else us-east-1). */
    public Builder region(Region region) {
      this.region = region;
      return this;
    }

    /** An S3-compatible endpoint such as {@code http://127.0.0.1:9000} (MinIO, s3proxy, LocalStack). */
    public Builder endpointOverride(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** Path-style requests ({@code http://host/bucket/key}), which most S3-compatible stores need. */
    public Builder pathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    /** Credentials (default: the SDK's default provider chain). Never shown in toString, logs or messages. */
    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    /** Server-side encryption: {@code AES256} (SSE-S3) or {@code AWS_KMS} (SSE-KMS). */
    public Builder serverSideEncryption(ServerSideEncryption sse) {
      this.sse = sse;
      return this;
    }

    /** The KMS key (id, ARN or alias) for SSE-KMS; implies {@code AWS_KMS} when no encryption was chosen. */
    public Builder kmsKeyId(String kmsKeyId) {
      this.kmsKeyId = kmsKeyId;
      return this;
    }

    /** The storage class of written objects (default: the bucket's, normally STANDARD). */
    public Builder storageClass(StorageClass storageClass) {
      this.storageClass = storageClass;
      return this;
    }

    /** Tags put on every written object (at most 10). */
    public Builder tags(Map<String, String> tags) {
      this.tags = new LinkedHashMap<>(tags);
      return this;
    }

    /** An additional checksum S3 verifies and stores with every object and part (CRC32C, SHA256, ...). */
    public Builder checksumAlgorithm(ChecksumAlgorithm checksum) {
      this.checksum = checksum;
      return this;
    }

    /** Bytes per multipart part, at least 5 MiB (default 8 MiB); objects smaller than one part are one PutObject. */
    public Builder partSize(long bytes) {
      ValidationException.check(bytes >= MIN_PART && bytes <= (1L << 30),
          "partSize(%s): S3 parts must be at least 5 MiB (5242880); Lake allows up to 1 GiB", bytes);
      this.partSize = (int) bytes;
      return this;
    }

    /** Parts uploading at once per writer (default 4); the writer waits when that many are in flight. */
    public Builder maxPartsInFlight(int n) {
      ValidationException.check(n >= 1, "maxPartsInFlight(%s): must be at least 1", n);
      this.maxPartsInFlight = n;
      return this;
    }

    /** Threads uploading parts for all writers of this store (default 8). */
    public Builder uploadThreads(int n) {
      ValidationException.check(n >= 1, "uploadThreads(%s): must be at least 1", n);
      this.uploadThreads = n;
      return this;
    }

    /**
     * Attempts per request made by the SDK (default 6) and, around those, by Lake for throttling, 500s and reset
     * connections (default 5).
     */
    public Builder maxAttempts(int sdkAttempts, int lakeAttempts) {
      ValidationException.check(sdkAttempts >= 1 && lakeAttempts >= 1,
          "maxAttempts(%s, %s): both must be at least 1", sdkAttempts, lakeAttempts);
      this.sdkAttempts = sdkAttempts;
      this.lakeAttempts = lakeAttempts;
      return this;
    }

    /** Validates the options and builds the store (and its S3 client, unless one was given). */
    public S3ObjectStore build() {
      ValidationException.check(client == null || (httpClient == null && region == null && endpoint == null
          && pathStyle == null && credentials == null),
          "S3ObjectStore.builder(): client(..) was given, so configure region, endpoint, path style, credentials "
              + "and HTTP client on that client instead");
      ValidationException.check(kmsKeyId == null || sse == null || sse == ServerSideEncryption.AWS_KMS
          || sse == ServerSideEncryption.AWS_KMS_DSSE,
          "kmsKeyId(..) needs serverSideEncryption(AWS_KMS), not %s", sse);
      ValidationException.check(tags.size() <= 10, "tags(..): S3 allows at most 10 tags per object, got %s",
          tags.size());
      if (kmsKeyId != null && sse == null) {
        sse = ServerSideEncryption.AWS_KMS;
      }
      List<String> secrets = Clients.secrets(credentials);
      if (client != null) {
        return new S3ObjectStore(this, client, List.of(), new Redactor(secrets));
      }
      List<AutoCloseable> owned = new ArrayList<>();
      S3Client built = Clients.build(this, owned);
      return new S3ObjectStore(this, built, owned, new Redactor(secrets));
    }

    Builder copy() {
      Builder b = new Builder();
      b.client = client;
      b.region = region;
      b.endpoint = endpoint;
      b.pathStyle = pathStyle;
      b.credentials = credentials;
      b.sse = sse;
      b.kmsKeyId = kmsKeyId;
      b.storageClass = storageClass;
      b.tags = new LinkedHashMap<>(tags);
      b.checksum = checksum;
      b.partSize = partSize;
      b.maxPartsInFlight = maxPartsInFlight;
      b.uploadThreads = uploadThreads;
      b.sdkAttempts = sdkAttempts;
      b.lakeAttempts = lakeAttempts;
      b.singleCopyLimit = singleCopyLimit;
      b.copyPartSize = copyPartSize;
      return b;
    }

    @Override
    public String toString() {
      return "S3ObjectStore.Builder"; // holds credentials: show nothing
    }
  }
}
