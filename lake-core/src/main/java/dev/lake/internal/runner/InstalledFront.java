package dev.lake.internal.runner;

import dev.lake.exceptions.LakeException;
import java.util.Objects;

/** Holds the one {@link PipelineFront} {@code dev.lake} installs (an interface cannot hold it privately). */
final class InstalledFront {
  private static volatile PipelineFront<?, ?> front;

  private InstalledFront() {}

  static synchronized void set(PipelineFront<?, ?> value) {
    Objects.requireNonNull(value, "front");
    if (front != null) {
      throw new LakeException("A pipeline front end is installed already (by dev.lake.Pipeline); there is one");
    }
    front = value;
  }

  @SuppressWarnings("unchecked")
  static <P, R> PipelineFront<P, R> get() {
    PipelineFront<?, ?> installed = front;
    if (installed == null) { // a pipeline exists only once its class installed the front end
      throw new LakeException("No pipeline front end installed: dev.lake.Pipeline installs it when it is loaded");
    }
    return (PipelineFront<P, R>) installed;
  }
}
