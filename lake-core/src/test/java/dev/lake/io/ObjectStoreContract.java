package dev.lake.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} must do. A store's test extends this and supplies the store and an empty directory
 * URI ending in '/'. Shipped in lake-core's test jar for the connectors' tests.
 */
public abstract class ObjectStoreContract {

  /** The store under test. */
  protected abstract ObjectStore store();

  /** An empty directory (prefix) URI ending in '/', fresh for each test. */
  protected abstract URI root();

  private URI at(String relative) {
    return URI.create(root() + relative);
  }

  @Test
  void newWriter_committed_isVisibleWithItsBytes() throws IOException {
    try (ObjectWriter out = store().newWriter(at("a/b.txt"))) {
      out.write("hello".getBytes(UTF_8));
      assertThat(store().stat(at("a/b.txt"))).as("visible before commit").isEmpty();
      out.commit();
    }

    assertThat(new String(store().readAllBytes(at("a/b.txt")), UTF_8)).isEqualTo("hello");
    assertThat(store().stat(at("a/b.txt"))).get().extracting(ObjectInfo::size).isEqualTo(5L);
  }

  @Test
  void newWriter_closedWithoutCommit_leavesNothing() throws IOException {
    try (ObjectWriter out = store().newWriter(at("x.bin"))) {
      out.write(new byte[1000]);
    }

    assertThat(store().stat(at("x.bin"))).isEmpty();
    assertThat(store().list(root(), true)).isEmpty();
  }

  @Test
  void newWriter_existingObject_replacedAtomically() throws IOException {
    store().write(at("k"), "old".getBytes(UTF_8));
    try (ObjectWriter out = store().newWriter(at("k"))) {
      out.write("new".getBytes(UTF_8));
      assertThat(store().readAllBytes(at("k"))).asString(UTF_8).isEqualTo("old");
      out.commit();
    }

    assertThat(store().readAllBytes(at("k"))).asString(UTF_8).isEqualTo("new");
  }

  @Test
  void close_twice_isHarmless() throws IOException {
    ObjectWriter out = store().newWriter(at("c"));
    out.commit();
    out.close();
    out.close();

    assertThat(store().stat(at("c"))).isPresent();
  }

  @Test
  void open_range_returnsThoseBytes() throws IOException {
    store().write(at("r"), "0123456789".getBytes(UTF_8));

    try (InputStream in = store().open(at("r"), 3, 4)) {
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("3456");
    }
  }

  @Test
  void open_missing_throwsFileNotFound() {
    assertThatThrownBy(() -> store().open(at("missing"))).isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void list_recursiveAndNot_sortedByUri() throws IOException {
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
  void createIfAbsent_secondTime_refusesAndKeepsFirst() throws IOException {
    assertThat(store().createIfAbsent(at("m/v1.json"), "first".getBytes(UTF_8))).isTrue();
    assertThat(store().createIfAbsent(at("m/v1.json"), "second".getBytes(UTF_8))).isFalse();

    assertThat(store().readAllBytes(at("m/v1.json"))).asString(UTF_8).isEqualTo("first");
  }

  @Test
  void delete_missingAndPresent_bothFine() throws IOException {
    store().write(at("z"), new byte[] {1});

    store().deleteAll(List.of(at("z"), at("never")));

    assertThat(store().stat(at("z"))).isEmpty();
  }

  @Test
  void abortIncompleteWrites_leftoverOfUncommittedWriter_removed() throws IOException {
    ObjectWriter abandoned = store().newWriter(at("p/part-0"));
    abandoned.write(new byte[10]);
    abandoned.flush();

    store().abortIncompleteWrites(root(), Instant.now().plusSeconds(1));

    assertThat(store().list(root(), true)).isEmpty();
  }

  @Test
  void abortIncompleteWrites_byFileNamePrefix_leavesOtherWritersAlone() throws IOException {
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
}
