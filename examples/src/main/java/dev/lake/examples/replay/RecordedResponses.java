package dev.lake.examples.replay;

import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.source.http.RawResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * A bundled raw zone: a folder of recorded API response bodies, one response per file ({@code *.json}, or
 * {@code *.json.gz} for large ones), replayed as {@link RawResponse}s so that the connectors' parsers
 * ({@code ApiFootball::fixtures}, {@code RecentSearch::tweets}) read them exactly as they read a live capture. Local
 * folders and {@code s3://} prefixes both work. The body is passed on as it is: a malformed one is rejected by the
 * parse step, with the file as its position.
 *
 * <p>{@link #incremental()} makes the source read only files no committed run has read: each file proposes the
 * cursor {@code file:<name>} (its size), saved only after the run commits. A second run over the same folder reads
 * nothing; a file added since is the only one read.
 *
 * <pre>{@code
 * Pipeline.from(RecordedResponses.of("twitter", "tweets", URI.create("file:///repo/data/twitter_v2/tweets/"))
 *         .incremental())
 *     .flatMap("parse", RecentSearch::tweets).to(lake.processed("tweets")).run();
 * }</pre>
 */
public final class RecordedResponses implements Source<RawResponse> {
  private static final long serialVersionUID = 1L;
  /** Cursor keys start with this, followed by the file name. */
  public static final String CURSOR_PREFIX = "file:";

  private final String api;
  private final String dataset;
  private final URI folder;
  private final boolean incremental;
  private final ObjectInfo file;

  private RecordedResponses(String api, String dataset, URI folder, boolean incremental, ObjectInfo file) {
    this.api = api;
    this.dataset = dataset;
    this.folder = folder;
    this.incremental = incremental;
    this.file = file;
  }

  /** Every response file directly under {@code folder} (a directory URI), as responses of {@code api}/{@code dataset}. */
  public static RecordedResponses of(String api, String dataset, URI folder) {
    String f = folder.toString();
    return new RecordedResponses(api, dataset, URI.create(f.endsWith("/") ? f : f + "/"), false, null);
  }

  /** The same folder, reading only the files no committed run of the pipeline has read. */
  public RecordedResponses incremental() {
    return new RecordedResponses(api, dataset, folder, true, file);
  }

  @Override
  public String name() {
    return "recorded-" + api;
  }

  @Override
  public String id() {
    return file == null ? "recorded:" + folder : "recorded:" + file.uri() + ":" + file.size();
  }

  @Override
  public List<RecordedResponses> split(SourceContext ctx) throws IOException {
    if (file != null) {
      return List.of(this);
    }
    List<ObjectInfo> files = new ArrayList<>(ObjectStores.forUri(folder).list(folder, false));
    files.removeIf(f -> !isResponse(f.fileName()));
    files.sort(Comparator.comparing(ObjectInfo::fileName));
    List<RecordedResponses> splits = new ArrayList<>();
    for (ObjectInfo f : files) {
      if (!incremental || ctx.cursor(CURSOR_PREFIX + f.fileName()).isEmpty()) {
        splits.add(new RecordedResponses(api, dataset, folder, incremental, f));
      }
    }
    return splits;
  }

  private static boolean isResponse(String name) {
    return name.endsWith(".json") || name.endsWith(".json.gz");
  }

  @Override
  public SourceReader<RawResponse> open(SourceContext ctx) throws IOException {
    if (file == null) {
      throw new IllegalStateException("Open the splits of " + this + ", not the folder");
    }
    ObjectStore store = ObjectStores.forUri(file.uri());
    String body;
    try (InputStream in = store.open(file.uri());
        InputStream plain = file.fileName().endsWith(".gz") ? new GZIPInputStream(in) : in) {
      body = new String(plain.readAllBytes(), StandardCharsets.UTF_8);
    }
    RawResponse response = new RawResponse(api, dataset, file.fileName(), 1, "GET", file.uri().toString(), 200,
        Map.of(), body, file.lastModified());
    if (incremental) {
      ctx.proposeCursor(CURSOR_PREFIX + file.fileName(), Long.toString(file.size()));
    }
    return new SourceReader<>() {
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public RawResponse next() {
        if (done) {
          throw new NoSuchElementException();
        }
        done = true;
        return response;
      }

      @Override
      public String position() {
        return file.uri().toString();
      }

      @Override
      public void close() {}
    };
  }

  /** Listing the folder and reading the response files in it (nothing at all for a local folder). */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return ObjectStores.forUri(folder).permissions(folder,
        java.util.EnumSet.of(dev.lake.iam.Access.LIST, dev.lake.iam.Access.READ), scope);
  }

  @Override
  public boolean proposesCursors() {
    return incremental;
  }

  @Override
  public String toString() {
    return "RecordedResponses(" + api + "/" + dataset + ", " + (file == null ? folder : file.uri()) + ")";
  }
}
