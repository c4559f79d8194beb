package dev.lake.it.check;

import java.math.BigDecimal;

/**
 * What one day of Online Retail holds in some view of the data: its rows, their quantity, their revenue (sum of
 * quantity × unit price, exact) and the MD5 of the day's rows rendered as text and sorted, so that two views agree
 * only when they hold the same multiset of rows.
 *
 * <pre>{@code
 * assertThat(glob.days().get(day)).isEqualTo(expected.day(day));
 * }</pre>
 *
 * @param rows invoice lines
 * @param quantity sum of quantity
 * @param revenue sum of quantity × unit price
 * @param rowsHash MD5 of the sorted rows
 */
public record DayStats(long rows, long quantity, BigDecimal revenue, String rowsHash) {
  @Override
  public String toString() {
    return String.format("%,d rows, quantity %,d, revenue %s, hash %s", rows, quantity, revenue.toPlainString(),
        rowsHash.substring(0, 8));
  }
}
