package dev.lake.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.testing.ObjectStoreContract;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStoreTest extends ObjectStoreContract {
  @TempDir
  Path dir;

  @Override
  protected ObjectStore store() {
    return LocalObjectStore.INSTANCE;
  }

  @Override
  protected URI root() {
    return dir.toUri();
  }

  @Test
  void localPath_ofAnObject_isItsFile() {
    // The Parquet reader opens this file directly instead of reading through the store.
    assertThat(store().localPath(dir.resolve("x/y.parquet").toUri())).contains(dir.resolve("x/y.parquet"));
  }

  @Test
  void abortIncompleteWrites_leftoverTempFile_deletedFromDisk() throws IOException {
    ObjectWriter abandoned = store().newWriter(dir.resolve("p/part-0").toUri());
    abandoned.write(new byte[10]);
    abandoned.flush();

    store().abortIncompleteWrites(root(), java.time.Instant.now().plusSeconds(1));

    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void listingAndTidying_whileAnotherRunRemovesTheFiles_neverFail() throws Exception {
    // Another run publishing or discarding the same staged files while this one lists or tidies them (seen in CI as
    // a NoSuchFileException from Files.walk): a file gone between listing and looking is skipped.
    for (int round = 0; round < 5; round++) {
      Path data = Files.createDirectories(dir.resolve("race-" + round));
      for (int i = 0; i < 400; i++) {
        Path part = Files.createDirectories(data.resolve("p=" + (i % 20)));
        Files.writeString(part.resolveSibling("p=" + (i % 20)).resolve(".part-run-" + i + ".parquet.staged"), "x");
        Files.writeString(part.resolve("part-run-" + i + ".parquet"), "x");
      }
      // The remover walks again until one walk ends cleanly: this side's tidy-up removes staged files under its walk
      // too, and a walk that trips over one must not leave the rest behind (that failed the last check at random).
      Thread remover = new Thread(() -> {
        while (!removedAll(data)) {
          Thread.onSpinWait();
        }
      });
      remover.start();
      ObjectStore store = LocalObjectStore.INSTANCE;
      while (remover.isAlive()) {
        store.list(data.toUri(), true);
        store.listUnpublished(data.toUri());
        store.abortIncompleteWrites(data.toUri(), java.time.Instant.now().plusSeconds(60), "part-");
      }
      remover.join();
      assertThat(store.list(data.toUri(), true)).isEmpty();
    }
  }

  /** Deletes every file under {@code dir}; false when the walk tripped over a file removed under it. */
  private static boolean removedAll(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.deleteIfExists(p);
      }
      return true;
    } catch (IOException | java.io.UncheckedIOException trippedOver) {
      return false;
    }
  }
}
