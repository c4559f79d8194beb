package dev.lake.it.driver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import dev.lake.io.ObjectWriter;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault-injecting wrapper: forwards every method, faults only the writes it targets. */
class FaultInjectingStoreTest {
  @TempDir Path dir;

  private URI at(String relative) {
    return URI.create(dir.toUri() + relative);
  }

  private FaultInjectingStore store(StoreFaults faults) {
    return new FaultInjectingStore(ObjectStores.forUri(dir.toUri()), faults);
  }

  @Test
  void wrapper_declaresEveryMethodOfObjectStore() {
    // A method the wrapper does not declare would run the interface's default on the wrapper, not the wrapped
    // store's own implementation: the behaviour under test would silently change when ObjectStore gains methods.
    List<String> notForwarded = Arrays.stream(ObjectStore.class.getMethods())
        .filter(m -> !isDeclaredBy(FaultInjectingStore.class, m)).map(Method::toString).toList();

    assertThat(notForwarded).isEmpty();
  }

  private static boolean isDeclaredBy(Class<?> type, Method m) {
    try {
      type.getDeclaredMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @Test
  void diskFull_pastTheBudget_failsEveryWriteUnderTheRootOnly() throws IOException {
    FaultInjectingStore store = store(new StoreFaults(at("lake/"), 10, false));
    try (ObjectWriter out = store.newStagedWriter(at("lake/processed/d/a.parquet"))) {
      out.write(new byte[10]);
      out.commit();
    }

    assertThatThrownBy(() -> store.write(at("lake/processed/d/b.parquet"), new byte[1]))
        .isInstanceOf(IOException.class).hasMessage("No space left on device");
    assertThatThrownBy(() -> store.createIfAbsent(at("lake/_lake/manifests/v1.json"), new byte[1]))
        .hasMessage("No space left on device");
    store.write(at("elsewhere/c.txt"), "fine".getBytes(UTF_8));
    assertThat(store.readAllBytes(at("elsewhere/c.txt"))).asString(UTF_8).isEqualTo("fine");
  }

  @Test
  void readOnlyMetadata_changesUnderLakeFail_dataWritesPass() throws IOException {
    FaultInjectingStore store = store(new StoreFaults(at("lake/"), StoreFaults.UNLIMITED, true));
    store.write(at("lake/processed/d/a.parquet"), new byte[3]);

    assertThatThrownBy(() -> store.createIfAbsent(at("lake/_lake/manifests/v1.json"), new byte[1]))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Read-only file system");
    assertThatThrownBy(() -> store.newStagedWriter(at("lake/_lake/state/x"))).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> store.delete(at("lake/_lake/state/x"))).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> store.move(at("lake/processed/d/a.parquet"), at("lake/_lake/trash/a.parquet")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> store.abortIncompleteWrites(at("lake/_lake/"), Instant.now()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(store.stat(at("lake/processed/d/a.parquet"))).isPresent();
  }
}
