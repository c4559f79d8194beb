package dev.lake.internal.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs many small store calls (publishing staged files, retiring replaced ones) at once, so that a commit's publish
 * window is as short as the store allows: on S3 each call is a round trip. Waits for every call; the first failure is
 * thrown after all have finished.
 *
 * <pre>{@code
 * ParallelIo.forEach(staged, store::publish);
 * }</pre>
 */
final class ParallelIo {
  private static final int THREADS = 16;
  /** Shared, so that a commit does not start threads of its own; idle threads end after a few seconds. */
  private static final java.util.concurrent.ThreadPoolExecutor POOL = pool();

  private static java.util.concurrent.ThreadPoolExecutor pool() {
    java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(THREADS, THREADS, 5,
        java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "lake-publish");
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private ParallelIo() {}

  interface IoAction<T> {
    void run(T item) throws IOException;
  }

  static <T> void forEach(List<T> items, IoAction<T> action) throws IOException {
    if (items.size() <= 1) {
      for (T item : items) {
        action.run(item);
      }
      return;
    }
    List<Future<?>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(POOL.submit(() -> {
        try {
          action.run(item);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return null;
      }));
    }
    Throwable first = null;
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        first = first == null ? e.getCause() : first;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("Interrupted while publishing");
      }
    }
    if (first instanceof UncheckedIOException u) {
      throw u.getCause();
    } else if (first instanceof RuntimeException r) {
      throw r;
    } else if (first instanceof Error err) {
      throw err;
    }
  }
}
