import dev.lake.Lake;
import dev.lake.examples.ecommerce.OnlineRetail;
import java.net.URI;
import java.nio.file.Path;

/**
 * A fresh JVM's Online Retail conversion (issue 21, item 3): runs only {@code OnlineRetail.pipeline(...).run()} once.
 * Usage: {@code java -cp JARS:CLASSES Convert DATA_DIR LAKE_DIR}; {@code fresh.sh} runs two builds interleaved.
 */
public final class Convert {
  public static void main(String[] args) {
    URI data = Path.of(args[0]).toAbsolutePath().toUri();
    System.out.println("rows=" + OnlineRetail.pipeline(data, Lake.at(args[1])).run().rowsWritten());
  }
}
