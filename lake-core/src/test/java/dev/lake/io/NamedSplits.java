package dev.lake.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source of named splits with fixed ids, like files: two sources naming the same split read the same rows under
 * the same id, so runs over overlapping input can be tested (in lake-core's test jar).
 *
 * <pre>{@code
 * Source<String> december = NamedSplits.of(Map.of("2010-12-01", rows1, "2010-12-02", rows2));
 * }</pre>
 *
 * @param <T> the row type
 */
public final class NamedSplits<T> implements Source<T> {
  private static final long serialVersionUID = 1L;

  private final LinkedHashMap<String, List<T>> splits;
  private final String only;

  private NamedSplits(Map<String, List<T>> splits, String only) {
    this.splits = new LinkedHashMap<>(splits);
    this.only = only;
  }

  /** A source of these splits, in this order; each split's id is {@code split:<name>}. */
  public static <T> NamedSplits<T> of(Map<String, List<T>> splits) {
    return new NamedSplits<>(splits, null);
  }

  /** The same source restricted to the named splits. */
  public NamedSplits<T> only(List<String> names) {
    LinkedHashMap<String, List<T>> kept = new LinkedHashMap<>();
    names.forEach(n -> kept.put(n, splits.get(n)));
    return new NamedSplits<>(kept, null);
  }

  @Override
  public String name() {
    return "named-splits";
  }

  @Override
  public String id() {
    return only != null ? "split:" + only : "split:" + String.join(",", splits.keySet());
  }

  @Override
  public List<NamedSplits<T>> split(SourceContext ctx) {
    if (only != null) {
      return List.of(this);
    }
    List<NamedSplits<T>> out = new ArrayList<>();
    splits.keySet().forEach(name -> out.add(new NamedSplits<>(Map.of(name, splits.get(name)), name)));
    return out;
  }

  @Override
  public SourceReader<T> open(SourceContext ctx) {
    List<T> rows = new ArrayList<>();
    splits.values().forEach(rows::addAll);
    return SourceReader.of(rows.iterator(), id());
  }

  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.empty();
  }
}
