package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.SourceException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.BadRow;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
  static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
  static final String ROWS = HEADER
      + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
      + "536365,71053,\"LANTERN, WHITE\",6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom\n"
      + "C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,,United Kingdom\n";

  @TempDir Path dir;

  record Sale(String invoiceNo, String stockCode, String description, int quantity, Instant invoiceDate,
      double unitPrice, Long customerId, String country) {}

  static Schema saleSchema() {
    Schema ts = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    return SchemaBuilder.record("Sale").fields()
        .requiredString("invoice_no").optionalString("description").requiredLong("quantity")
        .name("invoice_date").type(ts).noDefault().optionalDouble("unit_price").optionalLong("customer_id")
        .endRecord();
  }

  @Test
  void open_genericWithSchema_mapsHeaderByNormalisedName() throws Exception {
    Collecting ctx = new Collecting();
    Path file = Collecting.write(dir.resolve("2010-12-01.csv"), ROWS);
    List<GenericRecord> rows = ctx.read(CsvSource.generic().withSchema(saleSchema()).from(file.toString()));

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("invoice_no")).isEqualTo("536365");
    assertThat(rows.get(0).get("quantity")).isEqualTo(6L);
    assertThat(rows.get(0).get("invoice_date")).isEqualTo(Instant.parse("2010-12-01T08:26:00Z"));
    assertThat(rows.get(0).get("customer_id")).isEqualTo(17850L);
    assertThat(rows.get(1).get("description")).isEqualTo("LANTERN, WHITE");
    assertThat(rows.get(2).get("customer_id")).isNull();
    assertThat(ctx.rejected).isEmpty();
    assertThat(ctx.positions).containsExactly(file.toUri() + ":2", file.toUri() + ":3", file.toUri() + ":4");
  }

  @Test
  void open_recordClass_buildsRecords() throws Exception {
    Path file = Collecting.write(dir.resolve("a.csv"), ROWS);
    List<Sale> rows = new Collecting().read(CsvSource.of(Sale.class).from(file.toUri()));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).isEqualTo(new Sale("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6,
        Instant.parse("2010-12-01T08:26:00Z"), 2.55, 17850L, "United Kingdom"));
    assertThat(rows.get(2).customerId()).isNull();
  }

  record TeamMatch(String team, String result, int scored) {}

  @Test
  void withFileColumn_requiredField_filledWithEachRowsFileUri() throws Exception {
    Path arsenal = Collecting.write(dir.resolve("understat_Arsenal.csv"), "h_a,result,scored\na,w,3\nh,l,0\n");
    Path leeds = Collecting.write(dir.resolve("understat_Leeds.csv"), "h_a,result,scored\nh,d,1\n");

    List<TeamMatch> rows = new Collecting()
        .read(CsvSource.of(TeamMatch.class).withFileColumn("team").from(dir + "/understat_*.csv"));

    assertThat(rows).containsExactly(new TeamMatch(arsenal.toUri().toString(), "w", 3),
        new TeamMatch(arsenal.toUri().toString(), "l", 0), new TeamMatch(leeds.toUri().toString(), "d", 1));
  }

  @Test
  void withFileColumn_noSuchStringField_failsNamingFields() throws Exception {
    Path file = Collecting.write(dir.resolve("a.csv"), "result,scored\nw,3\n");
    CsvSource<TeamMatch> source = CsvSource.of(TeamMatch.class).withFileColumn("scored").from(file.toString());

    assertThatThrownBy(() -> new Collecting().read(source))
        .isInstanceOf(dev.lake.exceptions.ValidationException.class)
        .hasMessageContaining("withFileColumn(\"scored\")").hasMessageContaining("[team, result, scored]");
  }

  @Test
  void open_noSchema_infersFromFirstFile() throws Exception {
    Path file = Collecting.write(dir.resolve("a.csv"), ROWS.replace("InvoiceNo", "Invoice No"));
    CsvSource<GenericRecord> source = CsvSource.generic().from(file.toString());
    Schema schema = source.schema();
    assertThat(schema.getField("Invoice_No").doc()).isEqualTo("Invoice No");
    List<GenericRecord> rows = new Collecting().read(source);
    assertThat(rows.get(2).get("Invoice_No")).isEqualTo("C536379");
    assertThat(rows.get(2).get("Quantity")).isEqualTo(-1L);
    assertThat(rows.get(2).get("UnitPrice")).isEqualTo(27.5);
  }

  @Test
  void open_multiLineQuotedNewlinesAndBadRows_rejectedWithFileLineWhileOthersRead() throws Exception {
    Path file = Collecting.write(dir.resolve("bad.csv"), HEADER
        + "1,A,\"two\nlines\",6,2010-12-01 08:26:00,2.55,17850.0,UK\n"
        + "2,B,short,6,2010-12-01 08:26:00,2.55,UK\n"
        + "3,C,text,abc,2010-12-01 08:26:00,2.55,17850.0,UK\n"
        + "4,D,ok,7,2010-12-01 08:26:00,2.55,17850.0,UK\n");
    Collecting ctx = new Collecting();
    List<GenericRecord> rows =
        ctx.read(CsvSource.generic().withSchema(saleSchema()).multiLine().from(file.toString()));

    assertThat(rows).extracting(r -> r.get("invoice_no")).containsExactly("1", "4");
    assertThat(rows.get(0).get("description")).isEqualTo("two\nlines");
    assertThat(ctx.positions).containsExactly(file.toUri() + ":2", file.toUri() + ":6");
    assertThat(ctx.rejected).containsExactly(
        BadRow.of("csv", "Expected 8 fields but found 7", file.toUri() + ":4",
            "2,B,short,6,2010-12-01 08:26:00,2.55,UK"),
        BadRow.of("csv", "Field quantity: Expected a long but was 'abc'", file.toUri() + ":5",
            "3,C,text,abc,2010-12-01 08:26:00,2.55,17850.0,UK"));
  }

  @Test
  void open_standaloneContext_badRowThrows() throws Exception {
    Path file = Collecting.write(dir.resolve("bad.csv"), HEADER + "1,A,x,abc,2010-12-01 08:26:00,1,1,UK\n");
    try (SourceReader<GenericRecord> reader =
        CsvSource.generic().withSchema(saleSchema()).from(file.toString()).open(SourceContext.standalone())) {
      assertThatThrownBy(reader::hasNext)
          .isInstanceOf(dev.lake.exceptions.BadRowException.class)
          .hasMessage("csv rejected " + file.toUri() + ":2: Field quantity: Expected a long but was 'abc'");
    }
  }

  @Test
  void open_semicolonsQuoteAndIso88591_readsValues() throws Exception {
    Path file = Collecting.write(dir.resolve("latin.csv"),
        "name;city\n'Müller; Jürgen';Zürich\n", StandardCharsets.ISO_8859_1);
    Schema schema = SchemaBuilder.record("P").fields().requiredString("name").requiredString("city").endRecord();
    List<GenericRecord> rows = new Collecting().read(CsvSource.generic().withSchema(schema).withDelimiter(';')
        .withQuote('\'').withCharset(StandardCharsets.ISO_8859_1).from(file.toString()));
    assertThat(rows.get(0).get("name")).isEqualTo("Müller; Jürgen");
    assertThat(rows.get(0).get("city")).isEqualTo("Zürich");
  }

  @Test
  void open_noHeaderWithColumnsAndExplicitMapping_mapsPositions() throws Exception {
    Path file = Collecting.write(dir.resolve("nohead.csv"), "536365,6\n536366,7\n");
    Schema schema = SchemaBuilder.record("S").fields().requiredString("invoice").requiredInt("qty").endRecord();
    List<GenericRecord> rows = new Collecting().read(CsvSource.generic().withSchema(schema).withHeader(false)
        .withColumns("InvoiceNo", "Quantity").withColumn("InvoiceNo", "invoice").withColumn("Quantity", "qty")
        .from(file.toString()));
    assertThat(rows).extracting(r -> r.get("qty")).containsExactly(6, 7);
    assertThat(rows.get(1).get("invoice")).isEqualTo("536366");
  }

  @Test
  void open_gzipAndNestedGlob_readsAllMatchingFilesInUriOrder() throws Exception {
    Collecting.write(dir.resolve("in/2010/12/b.csv"), ROWS);
    Collecting.gzip(dir.resolve("in/2010/a.csv.gz"), ROWS);
    Collecting.write(dir.resolve("in/2010/12/notes.txt"), "ignored");
    Collecting.write(dir.resolve("in/c.csv"), ROWS);
    CsvSource<GenericRecord> source = CsvSource.generic().withSchema(saleSchema())
        .from(dir.resolve("in").toUri() + "2010/**/*.{csv,csv.gz}");

    List<CsvSource<GenericRecord>> splits = source.split(new Collecting());
    assertThat(splits).hasSize(2);
    assertThat(splits.get(0).id()).startsWith(dir.resolve("in/2010/12/b.csv").toUri() + "@");
    assertThat(splits.get(1).id()).startsWith(dir.resolve("in/2010/a.csv.gz").toUri() + "@");
    assertThat(source.id()).isEqualTo(splits.get(0).id() + ";" + splits.get(1).id());
    assertThat(new Collecting().read(source)).hasSize(6);
    assertThat(new Collecting().read(splits.get(1))).hasSize(3);
  }

  @Test
  void open_missingRequiredColumn_throwsValidationBeforeAnyRow() throws Exception {
    Path file = Collecting.write(dir.resolve("a.csv"), "InvoiceNo,Description\n1,x\n");
    CsvSource<GenericRecord> source = CsvSource.generic().withSchema(saleSchema()).from(file.toString());
    Collecting ctx = new Collecting();
    assertThatThrownBy(() -> ctx.read(source))
        .isInstanceOf(ValidationException.class)
        .hasMessage("csv file " + file.toUri() + " has no column for required field 'quantity' (header: "
            + "InvoiceNo, Description): add the column, map one with .withColumn(\"<column>\", \"quantity\"), "
            + "or make the field nullable");
    assertThat(ctx.rejected).isEmpty();
  }

  @Test
  void open_missingFileOrNoGlobMatch_throwsNamingLocation() {
    String missing = dir.resolve("nope.csv").toString();
    assertThatThrownBy(() -> new Collecting().read(CsvSource.generic().from(missing)))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("No files found at " + missing + ": check the path");
    String glob = dir.toUri() + "**/*.csv";
    assertThatThrownBy(() -> CsvSource.generic().from(glob).split(new Collecting()))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("No files found at " + glob);
  }

  @Test
  void split_fileVanished_throwsSourceExceptionNamingFile() throws Exception {
    Path file = Collecting.write(dir.resolve("gone.csv"), ROWS);
    List<CsvSource<GenericRecord>> splits =
        CsvSource.generic().withSchema(saleSchema()).from(file.toString()).split(new Collecting());
    Files.delete(file);
    assertThatThrownBy(() -> new Collecting().read(splits.get(0)))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("Cannot read " + file.toUri() + ": the file no longer exists");
  }

  @Test
  void read_globThatDoesNotParse_failsNamingTheGlobAndTheFix() {
    String location = dir.resolve("sales-{2010,2011.csv").toString();
    CsvSource<GenericRecord> source = CsvSource.generic().withSchema(saleSchema()).from(location);

    assertThatThrownBy(() -> new Collecting().read(source))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid glob 'sales-{2010,2011.csv' in location '" + location + "': Missing '} at index 19; "
            + "close every [ and {, or escape a literal *, ?, [ or { with a backslash");
  }

  @Test
  void configuration_invalid_throwsValidationNamingFix() {
    assertThatThrownBy(() -> CsvSource.generic().open(new Collecting()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("csv source has no location: call .from(\"file:///data/*.csv\") (a URI, a path or a glob) "
            + "before reading");
    assertThatThrownBy(() -> CsvSource.generic().withDelimiter('"'))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must differ from the quote character");
    assertThatThrownBy(() -> CsvSource.generic().withSchema(saleSchema()).withColumn("x", "nope").from("/x.csv")
        .open(new Collecting()))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("csv source: withColumn(\"x\", \"nope\") names no field of Sale");
    assertThatThrownBy(() -> CsvSource.of(String.class))
        .isInstanceOf(ValidationException.class)
        .hasMessage("CsvSource.of(String.class): rows must be Java records; for Avro generic rows use "
            + "CsvSource.generic()");
  }

  @Test
  void withMethods_returnCopies_originalUnchanged() {
    CsvSource<GenericRecord> base = CsvSource.generic().from("/a.csv");
    CsvSource<GenericRecord> semi = base.withDelimiter(';');
    assertThat(semi).isNotSameAs(base);
    assertThat(base.toString()).isEqualTo("CsvSource[generic from [/a.csv]]");
    assertThat(base.name()).isEqualTo("csv");
  }
}
