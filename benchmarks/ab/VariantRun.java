import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.OnlineRetail;
import java.net.URI;
import java.util.function.Function;

/**
 * Loaded by {@link AbDriver} in each build's class loader: runs {@code OnlineRetail.pipeline} once. The argument is
 * the data URI and the lake directory, one per line; the answer is the rows written.
 */
public final class VariantRun implements Function<String, Long> {
  @Override
  public Long apply(String arg) {
    String[] a = arg.split("\n");
    PipelineResult r = OnlineRetail.pipeline(URI.create(a[0]), Lake.at(a[1])).run();
    return r.rowsWritten();
  }
}
