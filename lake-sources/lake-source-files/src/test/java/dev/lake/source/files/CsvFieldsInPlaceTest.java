package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Decimal;
import dev.lake.io.BadRow;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers are parsed where they lie in the line and a field equal to the row before's reuses its value, without a
 * {@code String} per field: the values, and the rejected rows with their reasons, are the ones the text gives.
 */
class CsvFieldsInPlaceTest {
  static final String HEADER = "Invoice,Quantity,Price,Customer,Sold,Country";

  record Line(String invoice, int quantity, @Decimal(precision = 10, scale = 3) BigDecimal price, Long customer,
      LocalDateTime sold, String country) {}

  @TempDir Path dir;

  private static Line line(String invoice, int quantity, String price, Long customer, String sold, String country) {
    return new Line(invoice, quantity, new BigDecimal(price).setScale(3), customer, LocalDateTime.parse(sold), country);
  }

  @Test
  void plainNumbers_readInPlace_sameValuesAsTheirText() throws Exception {
    Path file = Collecting.write(dir.resolve("good.csv"), HEADER + "\n"
        + "1,12,2.55,17850.0,2010-12-01 08:26:00,UK\n"
        + "1,-3,-0.5,17850,2010-12-01 08:26:00,UK\n"
        + "2,+4,.5,+17851.,2010-12-01 08:27:00,France\n"
        + "2,007,5.,,2010-12-01 08:27:00,France\n"
        + "3, 7 ,1e3,9223372036854775807,2010-12-01 08:28:00,\"Channel Islands, UK\"\n"
        + "3,2147483647,2.550,-9223372036854775808,2010-12-01 08:28:00,\"Channel Islands, UK\"\n"
        + "4,\"8\",\"1.25\",\"17852\",2010-12-01 08:29:00,EIRE\n"
        + "4,-2147483648,-0.00,0,2010-12-01 08:29:00,EIRE\n"
        + "5,1,1234567.891,1,2010-12-01 08:30:00,UK\n");

    Collecting ctx = new Collecting();
    List<Line> rows = ctx.read(CsvSource.of(Line.class).from(file.toUri()));

    assertThat(ctx.rejected).isEmpty();
    assertThat(rows).containsExactly(
        line("1", 12, "2.550", 17850L, "2010-12-01T08:26", "UK"),
        line("1", -3, "-0.500", 17850L, "2010-12-01T08:26", "UK"),
        line("2", 4, "0.500", 17851L, "2010-12-01T08:27", "France"),
        line("2", 7, "5.000", null, "2010-12-01T08:27", "France"),
        line("3", 7, "1000.000", Long.MAX_VALUE, "2010-12-01T08:28", "Channel Islands, UK"),
        line("3", Integer.MAX_VALUE, "2.550", Long.MIN_VALUE, "2010-12-01T08:28", "Channel Islands, UK"),
        line("4", 8, "1.250", 17852L, "2010-12-01T08:29", "EIRE"),
        line("4", Integer.MIN_VALUE, "0.000", 0L, "2010-12-01T08:29", "EIRE"),
        line("5", 1, "1234567.891", 1L, "2010-12-01T08:30", "UK"));
    assertThat(rows.get(0).price().scale()).isEqualTo(3);
  }

  @Test
  void badNumbers_rejectedNamingFieldValueAndLine_neighboursRead() throws Exception {
    Path file = Collecting.write(dir.resolve("bad.csv"), HEADER + "\n"
        + "1,12,2.55,17850.0,2010-12-01 08:26:00,UK\n"
        + "2,12x,2.55,17850.0,2010-12-01 08:26:00,UK\n"
        + "3,12,2.55,17850.0,2010-12-01 08:26:00,UK\n"
        + "4,,2.55,17850.0,2010-12-01 08:26:00,UK\n"
        + "5,123,2.5555,17850.0,2010-12-01 08:26:00,UK\n"
        + "6,2147483648,2.55,17850.0,2010-12-01 08:26:00,UK\n"
        + "7,1,99999999.999,17850.0,2010-12-01 08:26:00,UK\n"
        + "8,1,2.55,17850.5,2010-12-01 08:26:00,UK\n"
        + "9,1,2..5,17850.0,2010-12-01 08:26:00,UK\n"
        + "10,1,-,17850.0,2010-12-01 08:26:00,UK\n"
        + "11,1,,17850.0,2010-12-01 08:26:00,UK\n"
        + "12,1,2.55,17850.0,2010-12-01 08:26:0x,UK\n"
        + "13,12,2.55,17850.0,2010-12-01 08:26:00,UK\n");

    Collecting ctx = new Collecting();
    List<Line> rows = ctx.read(CsvSource.of(Line.class).from(file.toUri()));

    assertThat(rows).extracting(Line::invoice).containsExactly("1", "3", "11", "13");
    assertThat(rows.get(1)).isEqualTo(line("3", 12, "2.550", 17850L, "2010-12-01T08:26", "UK"));
    assertThat(rows.get(2).price()).isNull();
    String where = file.toUri() + ":";
    assertThat(ctx.rejected).extracting(BadRow::reason, BadRow::position).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Field quantity: Expected an int but was '12x'", where + 3),
        org.assertj.core.groups.Tuple.tuple("Field quantity: Expected an int but was ''", where + 5),
        org.assertj.core.groups.Tuple.tuple("Field price: Expected a decimal(10,3) but was '2.5555'", where + 6),
        org.assertj.core.groups.Tuple.tuple("Field quantity: Expected an int but was '2147483648'", where + 7),
        org.assertj.core.groups.Tuple.tuple("Field price: Expected a decimal(10,3) but was '99999999.999'",
            where + 8),
        org.assertj.core.groups.Tuple.tuple("Field customer: Expected a long but was '17850.5'", where + 9),
        org.assertj.core.groups.Tuple.tuple("Field price: Expected a decimal(10,3) but was '2..5'", where + 10),
        org.assertj.core.groups.Tuple.tuple("Field price: Expected a decimal(10,3) but was '-'", where + 11),
        org.assertj.core.groups.Tuple.tuple("Field sold: Expected a local timestamp but was '2010-12-01 08:26:0x'",
            where + 13));
    assertThat(ctx.rejected.get(0).value()).isEqualTo("2,12x,2.55,17850.0,2010-12-01 08:26:00,UK");
  }

  @Test
  void decimalsScaledUpInPlace_precisionHeldAtTheBoundary() throws Exception {
    Path file = Collecting.write(dir.resolve("scale.csv"), HEADER + "\n"
        + "1,1,9999999.999,1,2010-12-01 08:26:00,UK\n"
        + "2,1,-9999999.9,1,2010-12-01 08:26:00,UK\n"
        + "3,1,0,1,2010-12-01 08:26:00,UK\n"
        + "4,1,10000000,1,2010-12-01 08:26:00,UK\n"
        + "5,1,-10000000.0,1,2010-12-01 08:26:00,UK\n"
        + "6,1,999999999999999.9,1,2010-12-01 08:26:00,UK\n");

    Collecting ctx = new Collecting();
    List<Line> rows = ctx.read(CsvSource.of(Line.class).from(file.toUri()));

    assertThat(rows).extracting(Line::price).containsExactly(new BigDecimal("9999999.999"),
        new BigDecimal("-9999999.900"), new BigDecimal("0.000"));
    assertThat(ctx.rejected).extracting(BadRow::reason).containsExactly(
        "Field price: Expected a decimal(10,3) but was '10000000'",
        "Field price: Expected a decimal(10,3) but was '-10000000.0'",
        "Field price: Expected a decimal(10,3) but was '999999999999999.9'");
  }

  @Test
  void repeatedFields_prefixesAndQuotedText_notTakenForTheValueBefore() throws Exception {
    Path file = Collecting.write(dir.resolve("repeat.csv"), "\uFEFF" + HEADER + "\r\n"
        + "1,12,2.55,17850,2010-12-01 08:26:00,UK\r\n"
        + "1,123,2.5,1785,2010-12-01 08:26:00,UKX\r\n"
        + "1,12,2.55,17850,2010-12-01 08:26:00,\"U\"\"K\"\r\n"
        + "1,1,2.55,17850,2010-12-01 08:26:00,\"UK\"\r\n"
        + "2,1,2.55,17850,2010-12-01 08:26:00,\"two\r\nlines, one field\"\r\n"
        + "2,1,2.55,17850,2010-12-01 08:26:00,\"two\r\nlines, one field\"\r\n");

    Collecting ctx = new Collecting();
    List<Line> rows = ctx.read(CsvSource.of(Line.class).multiLine().from(file.toUri()));

    assertThat(ctx.rejected).isEmpty();
    assertThat(rows).containsExactly(
        line("1", 12, "2.55", 17850L, "2010-12-01T08:26", "UK"),
        line("1", 123, "2.5", 1785L, "2010-12-01T08:26", "UKX"),
        line("1", 12, "2.55", 17850L, "2010-12-01T08:26", "U\"K"),
        line("1", 1, "2.55", 17850L, "2010-12-01T08:26", "UK"),
        line("2", 1, "2.55", 17850L, "2010-12-01T08:26", "two\r\nlines, one field"),
        line("2", 1, "2.55", 17850L, "2010-12-01T08:26", "two\r\nlines, one field"));
    assertThat(ctx.positions).containsExactly(file.toUri() + ":2", file.toUri() + ":3", file.toUri() + ":4",
        file.toUri() + ":5", file.toUri() + ":6", file.toUri() + ":8");
  }
}
