package dev.lake;

import dev.lake.io.Sink;
import dev.lake.testing.SinkContract;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.io.TempDir;

class LakeSinkContractTest extends SinkContract<LakeSinkContractTest.Row> {
  record Row(int id, String country) {}

  @TempDir
  Path dir;

  private Lake lake() {
    return Lake.at(dir.toString());
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected Sink<Row> sink() {
    return (Sink) lake().processed("rows").partitionBy("country");
  }

  @Override
  protected Row row(int n) {
    return new Row(n, n % 2 == 0 ? "even" : "odd");
  }

  @Override
  protected long visibleRows() throws IOException {
    if (lake().latest("rows").isEmpty()) {
      return 0;
    }
    long n = 0;
    try (SourceReader<GenericRecord> r = lake().read("rows").open(SourceContext.standalone())) {
      while (r.hasNext()) {
        r.next();
        n++;
      }
    }
    return n;
  }
}
