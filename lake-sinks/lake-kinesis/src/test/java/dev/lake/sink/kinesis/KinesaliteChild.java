package dev.lake.sink.kinesis;

import dev.lake.testing.Kinesalite;

/**
 * Starts kinesalite in its own JVM for {@link KinesaliteLifecycleTest}, prints {@code pid <node pid>}, and waits to be
 * stopped (SIGTERM or SIGKILL from the test).
 */
final class KinesaliteChild {
  private KinesaliteChild() {}

  public static void main(String[] args) throws Exception {
    Kinesalite k = Kinesalite.start(); // never closed: the test ends this JVM
    System.out.println("pid " + k.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
