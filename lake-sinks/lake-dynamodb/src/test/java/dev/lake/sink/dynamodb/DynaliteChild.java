package dev.lake.sink.dynamodb;

import dev.lake.testing.Dynalite;

/**
 * Starts dynalite in its own JVM for {@link DynaliteLifecycleTest}, prints {@code pid <node pid>}, and waits to be
 * stopped (SIGTERM or SIGKILL from the test).
 */
final class DynaliteChild {
  private DynaliteChild() {}

  public static void main(String[] args) throws Exception {
    Dynalite d = Dynalite.start(); // never closed: the test ends this JVM
    System.out.println("pid " + d.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
