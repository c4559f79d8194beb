package dev.lake.it.driver;

import dev.lake.io.ObjectStore;
import dev.lake.testing.ObjectStoreContract;
import dev.lake.io.ObjectStores;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** With no fault to inject, the wrapper behaves exactly as the local store it wraps: the whole store contract. */
class FaultInjectingStoreContractTest extends ObjectStoreContract {
  @TempDir Path dir;

  @Override
  protected ObjectStore store() {
    return new FaultInjectingStore(ObjectStores.forUri(dir.toUri()), StoreFaults.none(dir.toUri()));
  }

  @Override
  protected URI root() {
    return dir.toUri();
  }
}
