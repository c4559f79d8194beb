package dev.lake.it.driver;

import dev.lake.exceptions.LakeException;
import dev.lake.transforms.SerializableFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The step that injects a fault when a given invoice reaches it: {@link #failAt} fails the run (a
 * {@link LakeException}: a plain exception would only reject the row), {@link #pauseAt} creates the {@code paused}
 * marker and holds the worker until a {@code resume} file exists. Every other row passes unchanged, and so does every
 * row of {@link #none()}: the step is in every run, so that runs with and without faults are the same pipeline.
 *
 * <pre>{@code
 * Pipeline.from(sales).map("inject-faults", InvoiceFault.pauseAt("581587", markers)) ...
 * }</pre>
 */
public final class InvoiceFault implements SerializableFunction<RetailSale, RetailSale> {
  private static final long serialVersionUID = 1L;
  private static final Duration MAX_PAUSE = Duration.ofMinutes(10);

  private final String invoice;
  private final boolean pause;
  private final String markers;

  private InvoiceFault(String invoice, boolean pause, String markers) {
    this.invoice = invoice;
    this.pause = pause;
    this.markers = markers;
  }

  /** Passes every row. */
  public static InvoiceFault none() {
    return new InvoiceFault(null, false, null);
  }

  /** Fails the run when {@code invoice} arrives. */
  public static InvoiceFault failAt(String invoice) {
    return new InvoiceFault(invoice, false, null);
  }

  /** Pauses the worker that meets {@code invoice} (once per process) until {@code markers/resume} exists. */
  public static InvoiceFault pauseAt(String invoice, Path markers) {
    return new InvoiceFault(invoice, true, markers.toString());
  }

  @Override
  public RetailSale apply(RetailSale sale) {
    if (invoice == null || !invoice.equals(sale.invoiceNo())) {
      return sale;
    }
    if (!pause) {
      throw new LakeException("Injected failure at invoice " + invoice);
    }
    Path dir = Path.of(markers);
    try {
      if (Files.exists(dir.resolve("resume"))) {
        return sale; // resumed already: the invoice's other lines pass
      }
      Files.writeString(dir.resolve("paused"), ProcessHandle.current().pid() + "\n");
      Instant giveUp = Instant.now().plus(MAX_PAUSE);
      while (!Files.exists(dir.resolve("resume"))) {
        if (Instant.now().isAfter(giveUp)) {
          throw new LakeException("Paused at invoice " + invoice + " and never resumed");
        }
        Thread.sleep(20); // polling the marker that the test creates
      }
      return sale;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakeException("Interrupted while paused at invoice " + invoice, e);
    }
  }
}
