package dev.lake.io;

import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import java.util.Collections;

/** The source behind {@link Source#empty(String)}: one split that reads no row. */
final class EmptySource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;

  private final String name;

  EmptySource(String name) {
    ValidationException.check(name != null && !name.isBlank(),
        "Source.empty(name): give the source a name for errors and metrics, e.g. \"no-tweets\"");
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String id() {
    return "empty:" + name;
  }

  @Override
  public SourceReader<T> open(SourceContext ctx) {
    return SourceReader.of(Collections.emptyIterator(), id());
  }

  /** Reading nothing needs no AWS permission. */
  @Override
  public IamPolicy permissions(IamScope scope) {
    return IamPolicy.empty();
  }

  @Override
  public String toString() {
    return "Source.empty(" + name + ")";
  }
}
