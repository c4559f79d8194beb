package dev.lake.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectWriter;
import dev.lake.io.StagedObject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} must do: commit-to-publish writers, listing, stat, ranged reads, conditional creates,
 * deletes and staged objects. A store's test extends this (JUnit 5 runs the inherited tests) and supplies the store
 * and an empty directory URI ending in '/'.
 *
 * <pre>{@code
 * class S3StoreContractTest extends ObjectStoreContract {        // the S3 store against s3proxy
 *   static final S3ProxyServer S3 = S3ProxyServer.start("access", "secret");
 *   private final String run = UUID.randomUUID().toString();
 *   protected ObjectStore store() { return S3ObjectStore.builder().client(S3.client()).build(); }
 *   protected URI root() { return URI.create("s3://bucket/" + run + "/"); }
 * }
 * }</pre>
 */
public abstract class ObjectStoreContract {

  /** The store under test. */
  protected abstract ObjectStore store();

  /** An empty directory (prefix) URI ending in '/', fresh for each test. */
  protected abstract URI root();

  /**
   * Leaves what a writer killed mid-write leaves at {@code target}, for {@link ObjectStore#listUnpublished} and
   * {@code abortIncompleteWrites} to find: by default a writer given a few bytes and flushed, never committed nor
   * closed (a temporary file). A store that sends nothing before a whole part (S3) overrides it with what such a
   * writer leaves once a part is sent: an incomplete multipart upload.
   */
  protected void leaveUnfinishedWrite(URI target) throws IOException {
    ObjectWriter unfinished = store().newWriter(target);
    unfinished.write(new byte[10]);
    unfinished.flush();
  }

  private URI at(String relative) {
    return URI.create(root() + relative);
  }

  @Test
  protected void newWriter_committed_isVisibleWithItsBytes() throws IOException {
    try (ObjectWriter out = store().newWriter(at("a/b.txt"))) {
      out.write("hello".getBytes(UTF_8));
      assertThat(store().stat(at("a/b.txt"))).as("visible before commit").isEmpty();
      out.commit();
    }

    assertThat(new String(store().readAllBytes(at("a/b.txt")), UTF_8)).isEqualTo("hello");
    assertThat(store().stat(at("a/b.txt"))).get().extracting(ObjectInfo::size).isEqualTo(5L);
  }

  @Test
  protected void localPath_whenGiven_isTheFileHoldingTheObjectsBytes() throws IOException {
    store().write(at("c/d.bin"), "bytes".getBytes(UTF_8));

    Optional<Path> file = store().localPath(at("c/d.bin"));

    if (file.isPresent()) {
      assertThat(Files.readAllBytes(file.get())).as("the bytes of %s", file.get()).isEqualTo("bytes".getBytes(UTF_8));
    }
  }

  @Test
  protected void newWriter_closedWithoutCommit_leavesNothing() throws IOException {
    try (ObjectWriter out = store().newWriter(at("x.bin"))) {
      out.write(new byte[1000]);
    }

    assertThat(store().stat(at("x.bin"))).isEmpty();
    assertThat(store().list(root(), true)).isEmpty();
  }

  @Test
  protected void newWriter_existingObject_replacedAtomically() throws IOException {
    store().write(at("k"), "old".getBytes(UTF_8));
    try (ObjectWriter out = store().newWriter(at("k"))) {
      out.write("new".getBytes(UTF_8));
      assertThat(store().readAllBytes(at("k"))).asString(UTF_8).isEqualTo("old");
      out.commit();
    }

    assertThat(store().readAllBytes(at("k"))).asString(UTF_8).isEqualTo("new");
  }

  @Test
  protected void close_twice_isHarmless() throws IOException {
    ObjectWriter out = store().newWriter(at("c"));
    out.commit();
    out.close();
    out.close();

    assertThat(store().stat(at("c"))).isPresent();
  }

  @Test
  protected void open_range_returnsThoseBytes() throws IOException {
    store().write(at("r"), "0123456789".getBytes(UTF_8));

    try (InputStream in = store().open(at("r"), 3, 4)) {
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("3456");
    }
  }

  @Test
  protected void open_missing_throwsFileNotFound() {
    assertThatThrownBy(() -> store().open(at("missing"))).isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("missing");
  }

  @Test
  protected void list_recursiveAndNot_sortedByUri() throws IOException {
    store().write(at("d/2.txt"), new byte[] {2});
    store().write(at("d/1.txt"), new byte[] {1});
    store().write(at("d/e/3.txt"), new byte[] {3});

    List<String> all = store().list(at("d/"), true).stream().map(o -> o.uri().toString()).toList();
    List<String> direct = store().list(at("d/"), false).stream().map(ObjectInfo::fileName).toList();

    assertThat(all).containsExactly(at("d/1.txt").toString(), at("d/2.txt").toString(), at("d/e/3.txt").toString());
    assertThat(direct).containsExactly("1.txt", "2.txt");
    assertThat(store().list(at("nothing/"), true)).isEmpty();
  }

  @Test
  protected void createIfAbsent_secondTime_refusesAndKeepsFirst() throws IOException {
    assertThat(store().createIfAbsent(at("m/v1.json"), "first".getBytes(UTF_8))).isTrue();
    assertThat(store().createIfAbsent(at("m/v1.json"), "second".getBytes(UTF_8))).isFalse();

    assertThat(store().readAllBytes(at("m/v1.json"))).asString(UTF_8).isEqualTo("first");
  }

  @Test
  protected void delete_missingAndPresent_bothFine() throws IOException {
    store().write(at("z"), new byte[] {1});

    store().deleteAll(List.of(at("z"), at("never")));

    assertThat(store().stat(at("z"))).isEmpty();
  }

  @Test
  protected void abortIncompleteWrites_leftoverOfUncommittedWriter_removed() throws IOException {
    ObjectWriter abandoned = store().newWriter(at("p/part-0"));
    abandoned.write(new byte[10]);
    abandoned.flush();

    store().abortIncompleteWrites(root(), Instant.now().plusSeconds(1));

    assertThat(store().list(root(), true)).isEmpty();
  }

  @Test
  protected void abortIncompleteWrites_byFileNamePrefix_leavesOtherWritersAlone() throws IOException {
    ObjectWriter ours = store().newWriter(at("p/k=1/part-a-0"));
    ours.write(new byte[10]);
    ours.flush();
    ObjectWriter concurrent = store().newWriter(at("p/k=1/part-b-0"));
    concurrent.write(new byte[] {1, 2, 3});
    concurrent.flush();

    store().abortIncompleteWrites(root(), Instant.now().plusSeconds(1), "part-a-");
    concurrent.commit();
    concurrent.close();

    assertThat(store().readAllBytes(at("p/k=1/part-b-0"))).containsExactly(1, 2, 3);
    assertThat(store().stat(at("p/k=1/part-a-0"))).isEmpty();
  }

  private StagedObject stage(String relative, byte[] content) throws IOException {
    try (ObjectWriter out = store().newStagedWriter(at(relative))) {
      out.write(content);
      out.commit();
      return out.staged();
    }
  }

  @Test
  protected void newStagedWriter_committed_invisibleUntilPublished() throws IOException {
    StagedObject staged = stage("s/k=1/part-r1-0.parquet", "rows".getBytes(UTF_8));

    assertThat(staged.bytes()).isEqualTo(4);
    assertThat(store().stat(at("s/k=1/part-r1-0.parquet"))).as("stat before publish").isEmpty();
    assertThat(store().list(root(), true)).as("listed before publish").isEmpty();
    assertThatThrownBy(() -> store().open(at("s/k=1/part-r1-0.parquet"))).isInstanceOf(FileNotFoundException.class);

    store().publish(staged);

    assertThat(store().readAllBytes(at("s/k=1/part-r1-0.parquet"))).asString(UTF_8).isEqualTo("rows");
    assertThat(store().list(root(), true)).extracting(ObjectInfo::fileName).containsExactly("part-r1-0.parquet");
    assertThat(store().listUnpublished(root())).isEmpty();
  }

  @Test
  protected void publish_twiceOrFromACopyOfTheHandle_isIdempotent() throws Exception {
    StagedObject staged = stage("s/part-r2-0.parquet", new byte[] {7, 8, 9});
    StagedObject copy;
    try (var bytes = new java.io.ByteArrayOutputStream(); var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(staged);
      out.flush();
      copy = (StagedObject) new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))
          .readObject();
    }

    store().publish(staged);
    store().publish(copy);
    store().publish(staged);

    assertThat(store().readAllBytes(at("s/part-r2-0.parquet"))).containsExactly(7, 8, 9);
  }

  @Test
  protected void publish_afterDiscard_throwsFileNotFoundAndShowsNothing() throws IOException {
    StagedObject staged = stage("s/part-r3-0.parquet", new byte[] {1});

    store().discard(staged);
    store().discard(staged);

    assertThatThrownBy(() -> store().publish(staged)).isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("part-r3-0.parquet");
    assertThat(store().list(root(), true)).isEmpty();
    assertThat(store().listUnpublished(root())).isEmpty();
  }

  @Test
  protected void newStagedWriter_closedWithoutCommit_leavesNothing() throws IOException {
    try (ObjectWriter out = store().newStagedWriter(at("s/part-r4-0.parquet"))) {
      out.write(new byte[100]);
    }

    assertThat(store().list(root(), true)).isEmpty();
    assertThat(store().listUnpublished(root())).isEmpty();
  }

  @Test
  protected void listUnpublished_stagedAndUnfinished_listedByTargetThenAbortedByPrefix() throws IOException {
    stage("u/k=1/part-dead-0.parquet", new byte[] {1, 2});
    StagedObject alive = stage("u/k=1/part-alive-0.parquet", new byte[] {3});
    leaveUnfinishedWrite(at("u/k=2/part-dead-1.parquet"));

    List<String> targets = store().listUnpublished(at("u/")).stream().map(o -> o.uri().toString()).toList();
    store().abortIncompleteWrites(at("u/"), Instant.now().plusSeconds(60), "part-dead-");

    assertThat(targets).containsExactlyInAnyOrder(at("u/k=1/part-dead-0.parquet").toString(),
        at("u/k=1/part-alive-0.parquet").toString(), at("u/k=2/part-dead-1.parquet").toString());
    assertThat(store().listUnpublished(at("u/"))).extracting(ObjectInfo::fileName)
        .containsExactly("part-alive-0.parquet");
    store().publish(alive);
    assertThat(store().list(at("u/"), true)).extracting(ObjectInfo::fileName).containsExactly("part-alive-0.parquet");
  }

  @Test
  protected void move_thenAgain_isIdempotentAndMissingSourceAndTargetFails() throws IOException {
    store().write(at("m/a.parquet"), new byte[] {4, 2});

    store().move(at("m/a.parquet"), at("retired/m/a.parquet"));
    store().move(at("m/a.parquet"), at("retired/m/a.parquet"));

    assertThat(store().stat(at("m/a.parquet"))).isEmpty();
    assertThat(store().readAllBytes(at("retired/m/a.parquet"))).containsExactly(4, 2);
    assertThatThrownBy(() -> store().move(at("m/none"), at("retired/none")))
        .isInstanceOf(FileNotFoundException.class);
  }
}
