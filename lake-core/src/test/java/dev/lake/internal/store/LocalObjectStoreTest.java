package dev.lake.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStoreContract;
import dev.lake.io.ObjectWriter;
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
  void abortIncompleteWrites_leftoverTempFile_deletedFromDisk() throws IOException {
    ObjectWriter abandoned = store().newWriter(dir.resolve("p/part-0").toUri());
    abandoned.write(new byte[10]);
    abandoned.flush();

    store().abortIncompleteWrites(root(), java.time.Instant.now().plusSeconds(1));

    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }
}
