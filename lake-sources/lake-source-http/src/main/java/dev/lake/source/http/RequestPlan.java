package dev.lake.source.http;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The requests one run makes, planned from the pipeline's committed cursors, so a run resumes where the last
 * committed run stopped and never re-requests what was committed.
 *
 * <pre>{@code
 * // given: LocalDate start, LocalDate today
 * RequestPlan plan = cursors -> {
 *   LocalDate from = cursors.apply("last_date").map(d -> LocalDate.parse(d).plusDays(1)).orElse(start);
 *   return from.datesUntil(today)
 *       .map(d -> RestRequest.get("fixtures", "/fixtures").param("date", d).cursor("last_date", d.toString()))
 *       .toList();
 * };
 * }</pre>
 */
@FunctionalInterface
public interface RequestPlan extends Serializable {

  /** The requests in order; {@code cursor} gives the committed value of a cursor key. */
  List<RestRequest> requests(Function<String, Optional<String>> cursor);

  /** A fixed list of requests. */
  static RequestPlan of(List<RestRequest> requests) {
    List<RestRequest> copy = List.copyOf(requests);
    return cursor -> copy;
  }
}
