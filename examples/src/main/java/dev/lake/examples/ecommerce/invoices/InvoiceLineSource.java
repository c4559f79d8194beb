package dev.lake.examples.ecommerce.invoices;

import dev.lake.examples.ecommerce.Sale;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the lines of each invoice as they come from a source of sales: the n-th line of invoice X in a file is
 * line n. The Online Retail files hold each invoice in one daily file, so a split (one file) numbers an invoice
 * completely, and the same file always gives the same numbers: loading it again overwrites the same items.
 *
 * <pre>{@code
 * Source<InvoiceLine> lines = InvoiceLineSource.of(CsvSource.of(Sale.class).from(data + "online_retail/by-day/*"));
 * }</pre>
 */
public final class InvoiceLineSource implements Source<InvoiceLine> {
  private static final long serialVersionUID = 1L;
  private final Source<Sale> sales;

  private InvoiceLineSource(Source<Sale> sales) {
    this.sales = sales;
  }

  public static InvoiceLineSource of(Source<Sale> sales) {
    return new InvoiceLineSource(sales);
  }

  @Override
  public String name() {
    return sales.name();
  }

  @Override
  public String id() {
    return "invoice-lines:" + sales.id();
  }

  @Override
  public List<InvoiceLineSource> split(SourceContext ctx) throws IOException {
    return sales.split(ctx).stream().map(s -> new InvoiceLineSource(s)).toList();
  }

  @Override
  public SourceReader<InvoiceLine> open(SourceContext ctx) throws IOException {
    SourceReader<Sale> reader = sales.open(ctx);
    Map<String, Integer> lines = new HashMap<>();
    return new SourceReader<>() {
      @Override
      public boolean hasNext() {
        return reader.hasNext();
      }

      @Override
      public InvoiceLine next() {
        Sale sale = reader.next();
        return InvoiceLine.of(sale, lines.merge(sale.invoiceNo(), 1, Integer::sum));
      }

      @Override
      public String position() {
        return reader.position();
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }

  /** What the wrapped source needs: numbering lines touches nothing. */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return sales.permissions(scope);
  }

  @Override
  public String toString() {
    return "InvoiceLineSource[" + sales + "]";
  }
}
