package dev.lake.testing;

import dev.lake.io.Sink;

class InMemorySinkTest extends SinkContract<String> {
  private final InMemorySink<String> sink = InMemorySink.create();

  @Override
  protected Sink<String> sink() {
    return sink;
  }

  @Override
  protected String row(int n) {
    return "row-" + n;
  }

  @Override
  protected long visibleRows() {
    return sink.rows().size();
  }
}
