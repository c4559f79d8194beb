package dev.lake.examples.ecommerce;

import dev.lake.examples.UsageException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Checks that {@code --serve} can have its port before the invoices are loaded (a load takes minutes), so that a
 * busy port is a one-line usage mistake naming {@code --port} rather than a {@code BindException} at the end.
 *
 * <pre>{@code
 * Ports.checkFree(8080);   // UsageException: Port 8080 on 127.0.0.1 is in use ...: pass --port <n>, e.g. --port 8081
 * }</pre>
 */
final class Ports {
  private Ports() {}

  static void checkFree(int port) {
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port " + port + ": not a port; pass 1-65535 (0 picks a free one)");
    }
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      probe.setReuseAddress(true);
    } catch (BindException e) {
      throw busy(port, e);
    } catch (IOException e) {
      throw new UsageException("Cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + "): pass another "
          + "--port", e);
    }
  }

  /** The usage mistake for a port another process holds. */
  static UsageException busy(int port, BindException cause) {
    return new UsageException("Port " + port + " on 127.0.0.1 is in use (another --serve, or another server): "
        + "pass --port <n>, e.g. --port " + (port == 65_535 ? 8081 : port + 1) + ", or stop what holds it", cause);
  }
}
