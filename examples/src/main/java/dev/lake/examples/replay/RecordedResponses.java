package dev.lake.examples.replay;

import dev.lake.io.BadRow;
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
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * A bundled raw zone: a folder of recorded API response bodies, one response per file ({@code *.json}, or
 * {@code *.jsonl} / {@code *.ndjson} for pages joined one per line; each may end in {@code .gz}), replayed as
 * {@link RawResponse}s so that the connectors' parsers ({@code ApiFootball::fixtures}, {@code RecentSearch::tweets})
 * read them exactly as they read a live capture, every page of a file included. Local folders and {@code s3://}
 * prefixes both work. A file in the folder that no pattern takes is listed in the run report's warnings
 * ({@code file not read}). The body is passed on as it is: a malformed one is rejected by the parse step, with the
 * file as its position; one that is not UTF-8 is rejected here, naming the byte and the line.
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
    files.sort(Comparator.comparing(ObjectInfo::fileName));
    for (ObjectInfo f : files) {
      if (!isResponse(f.fileName())) {
        ctx.warn("file not read", f.uri() + ": not a response file (those end in .json, .jsonl or .ndjson, "
            + "optionally .gz)");
      }
    }
    files.removeIf(f -> !isResponse(f.fileName()));
    List<RecordedResponses> splits = new ArrayList<>();
    for (ObjectInfo f : files) {
      if (!incremental || ctx.cursor(CURSOR_PREFIX + f.fileName()).isEmpty()) {
        splits.add(new RecordedResponses(api, dataset, folder, incremental, f));
      }
    }
    return splits;
  }

  private static boolean isResponse(String name) {
    String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    return plain.endsWith(".json") || plain.endsWith(".jsonl") || plain.endsWith(".ndjson");
  }

  @Override
  public SourceReader<RawResponse> open(SourceContext ctx) throws IOException {
    if (file == null) {
      throw new IllegalStateException("Open the splits of " + this + ", not the folder");
    }
    ObjectStore store = ObjectStores.forUri(file.uri());
    byte[] bytes;
    try (InputStream in = store.open(file.uri());
        InputStream plain = file.fileName().endsWith(".gz") ? new GZIPInputStream(in) : in) {
      bytes = plain.readAllBytes();
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    String invalid = invalidUtf8(bytes);
    RawResponse response = new RawResponse(api, dataset, file.fileName(), 1, "GET", file.uri().toString(), 200,
        Map.of(), body, file.lastModified());
    if (incremental) {
      ctx.proposeCursor(CURSOR_PREFIX + file.fileName(), Long.toString(file.size()));
    }
    if (invalid != null) {
      ctx.reject(BadRow.of(name(), invalid + " (the response file is rejected whole; its text keeps U+FFFD in "
          + "place of the bad bytes)", file.uri().toString(), body));
    }
    return new SourceReader<>() {
      private boolean done = invalid != null;

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

  /** Where {@code bytes} stop being UTF-8 ("invalid UTF-8 at byte 7 of line 3", both 1-based), or null. */
  static String invalidUtf8(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .decode(in, CharBuffer.allocate(bytes.length + 1), true);
    if (!result.isError()) {
      return null;
    }
    int bad = in.position();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < bad; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "invalid UTF-8 at byte " + (bad - lineStart + 1) + " of line " + line;
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
