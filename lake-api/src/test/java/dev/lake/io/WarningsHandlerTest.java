package dev.lake.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** {@link Warnings#handledBy}: the hook a runner counts a worker's warnings with (lake-api holds it, not the engine). */
class WarningsHandlerTest {

  @Test
  void warn_insideHandledBy_goesToTheHandler_andNotAfter() {
    List<String> seen = new ArrayList<>();

    Warnings.handledBy((kind, message) -> seen.add(kind + ": " + message), () -> Warnings.warn("page errors", "2"));
    Warnings.warn("page errors", "after");

    assertThat(seen).containsExactly("page errors: 2");
  }

  @Test
  void handledBy_nested_innerTakesItsWarnings_outerIsBackAfterwards() {
    List<String> outer = new ArrayList<>();
    List<String> inner = new ArrayList<>();

    Warnings.handledBy((k, m) -> outer.add(m), () -> {
      Warnings.warn("k", "one");
      Warnings.handledBy((k, m) -> inner.add(m), () -> Warnings.warn("k", "two"));
      Warnings.warn("k", "three");
    });

    assertThat(outer).containsExactly("one", "three");
    assertThat(inner).containsExactly("two");
  }

  @Test
  void handledBy_bodyThrows_handlerRemoved() {
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> Warnings.handledBy((k, m) -> seen.add(m), () -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    Warnings.warn("k", "after the failure");

    assertThat(seen).isEmpty();
  }

  @Test
  void handledBy_otherThread_doesNotSeeThisThreadsHandler() throws Exception {
    List<String> seen = new ArrayList<>();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Warnings.handledBy((k, m) -> seen.add(m), () -> {
        try {
          other.submit(() -> Warnings.warn("k", "from another thread")).get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        Warnings.warn("k", "from this thread");
      });
    } finally {
      other.shutdownNow();
    }

    assertThat(seen).containsExactly("from this thread");
  }
}
