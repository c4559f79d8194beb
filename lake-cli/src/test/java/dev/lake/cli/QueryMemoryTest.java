package dev.lake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lake.Lake;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code lake query} in a child JVM whose heap is a small fraction of the result: csv and json stream every row to
 * the output, the table shows the first {@code --max-rows} and counts the rest. A command that collected the result
 * (a list of rows) runs out of memory here; the row counts are read from what the child wrote.
 */
class QueryMemoryTest {
  /** The child's heap. */
  private static final long HEAP = 48L << 20;
  /** Each songplay repeated this many times: about 682,000 rows, some 90 MB of CSV. */
  private static final int TIMES = 100;

  private final Path root = TestLakes.small();
  private final long rows = Lake.at(root.toString()).latest("songplays").orElseThrow().rows() * TIMES;
  private final String sql = "SELECT s.*, r.i AS copy FROM songplays s, range(" + TIMES + ") r(i)";

  @Test
  void query_csvLargerThanHeap_streamsEveryRow() throws Exception {
    Output out = lake("query", "--lake", root.toString(), "--format", "csv", sql);

    assertThat(out.bytes()).as("the result is larger than the child's heap").isGreaterThan(HEAP);
    assertThat(out.newlines()).isEqualTo(rows + 1); // the header and one line per row
    assertThat(out.head()).endsWith(",copy");
  }

  @Test
  void query_jsonLargerThanHeap_streamsEveryRow() throws Exception {
    Path file = TestLakes.temp("lake-cli-query-memory-").resolve("plays.json");

    Output out = lake("query", "--lake", root.toString(), "--format", "json", "--output", file.toString(), sql);

    assertThat(Files.size(file)).as("the result is larger than the child's heap").isGreaterThan(HEAP);
    assertThat(objects(file)).isEqualTo(rows);
    assertThat(out.text()).isEqualTo(String.format("%,d rows written to %s%n", rows, file));
  }

  @Test
  void query_tableLargerThanHeap_showsTheFirstRowsAndCountsAll() throws Exception {
    Output out = lake("query", "--lake", root.toString(), "--max-rows", "25", sql);

    assertThat(out.newlines()).isEqualTo(2 + 25 + 1); // header, rule, the rows shown, the count
    assertThat(out.tail()).isEqualTo(String.format("(%,d rows, the first 25 shown; --max-rows shows more, "
        + "--format csv or json writes all)", rows));
  }

  /** The objects of a JSON array, counted by a streaming parser. */
  private static long objects(Path file) throws IOException {
    long n = 0;
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        p.skipChildren();
        n++;
      }
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_ARRAY);
    }
    return n;
  }

  /** What the child wrote to stdout: its size, its newlines, its first and last lines. */
  record Output(long bytes, long newlines, String head, String tail, String text) {}

  private static Output lake(String... args) throws IOException, InterruptedException {
    String cp = Optional.ofNullable(System.getProperty("surefire.test.class.path")).filter(s -> !s.isBlank())
        .orElse(System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + (HEAP >> 20) + "m", "-XX:+UseSerialGC", "-cp", cp, LakeCli.class.getName()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("lake-query-memory-", ".err");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    long bytes = 0;
    long newlines = 0;
    StringBuilder head = new StringBuilder();
    StringBuilder line = new StringBuilder();
    String tail = "";
    // counted as it arrives: the test keeps no more of the output than the child may
    try (InputStream in = p.getInputStream()) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            newlines++;
            if (newlines == 1) {
              head.append(line);
            }
            tail = line.toString();
            line.setLength(0);
          } else if (line.length() < 4096) {
            line.append((char) buffer[i]);
          }
        }
      }
    }
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the child ended").isTrue();
    String errors = Files.readString(err, StandardCharsets.UTF_8);
    Files.delete(err);
    assertThat(p.exitValue()).as("exit status; stderr: %s", errors).isZero();
    String h = head.toString().strip();
    return new Output(bytes, newlines, h, tail.strip(), newlines == 1 ? h + System.lineSeparator() : null);
  }
}
