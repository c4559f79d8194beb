package dev.lake.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A wrong argument to any example prints one line that says what to do, and the program exits with status 2. */
class LakeExamplesErrorsTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"ecommerce", "sparkify", "xg", "football", "tweets", "all"})
  void run_unknownOption_oneLineAndStatus2(String command) {
    Run r = run(command, "--bogus");

    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .isEqualTo("lake-examples " + command + ": Unknown option: '--bogus' (lake-examples " + command
            + " --help lists the options)");
    assertThat(r.out).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecommerce", "sparkify", "xg", "football", "tweets", "all"})
  void run_dataFolderWithoutTheInput_oneLineNamingTheFolderAndStatus2(String command) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));

    Run r = run(command, "--data", data.toString(), "--lake", dir.resolve("lake").toString());

    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("lake-examples ")
        .contains("--data " + data + " has no ").contains("leave --data out");
    assertThat(dir.resolve("lake")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecommerce", "sparkify", "xg", "football", "tweets", "all"})
  void run_unknownFormat_oneLineNamingTheChoicesAndStatus2(String command) {
    Run r = run(command, "--format", "orc", "--lake", dir.resolve("lake").toString());

    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("lake-examples " + command + ": Invalid value for option '--format': "
        + "expected one of [PARQUET, ICEBERG] (case-insensitive) but was 'orc' (lake-examples " + command
        + " --help lists the options)");
    assertThat(r.out).isEmpty();
    assertThat(dir.resolve("lake")).doesNotExist();
  }

  @Test
  void run_icebergOptionsWithoutFormatIceberg_oneLineAndStatus2() {
    Run r = run("xg", "--lake", dir.resolve("lake").toString(), "--iceberg-warehouse", dir.resolve("w").toString());

    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("lake-examples xg: --iceberg-warehouse needs --format iceberg");
    assertThat(dir.resolve("lake")).doesNotExist();
  }

  @Test
  void run_formatIcebergWithASqlWarehouse_oneLineAndStatus2BeforeAnyRun() {
    Run r = run("sparkify", "--format", "iceberg", "--lake", dir.resolve("lake").toString(), "--warehouse",
        "jdbc:duckdb:" + dir.resolve("w.duckdb"));

    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("lake-examples sparkify: --warehouse loads the Hive-style datasets into SQL");
    assertThat(dir.resolve("lake/iceberg")).doesNotExist();
  }

  @Test
  void run_formatIcebergWithAnUnknownCatalog_oneLineAndStatus2() {
    Run r = run("xg", "--format", "iceberg", "--lake", dir.resolve("lake").toString(), "--iceberg-catalog",
        "jdbc:mysql://db/x?password=secret");

    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("lake-examples xg: Iceberg catalog jdbc:mysql://db/x?…: use jdbc:sqlite:")
        .doesNotContain("secret");
  }

  @Test
  void run_dataFolderMissing_saysNoSuchDirectory() {
    Run r = run("xg", "--data", dir.resolve("nowhere").toString(), "--lake", dir.resolve("lake").toString());

    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .isEqualTo("lake-examples xg: --data " + dir.resolve("nowhere") + ": no such directory. Pass a folder of "
            + "the bundled data's shape (see data/README.md), or leave --data out to use the repository's data/");
  }

  @Test
  void run_lakeIsAFile_oneLineAndStatus2() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "x");

    Run r = run("xg", "--lake", file.toString());

    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("lake-examples xg: --lake " + file + " is a file: pass a directory "
        + "(created if missing) or s3://bucket/prefix");
  }

  @Test
  void run_unsupportedWarehouse_oneLineBeforeAnyRun() {
    Run r = run("xg", "--lake", dir.resolve("lake").toString(), "--warehouse", "jdbc:mysql://db/x?password=secret");

    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("lake-examples xg: --warehouse jdbc:mysql://db/x?…: not a supported JDBC URL")
        .doesNotContain("secret");
    assertThat(dir.resolve("lake/processed")).doesNotExist();
  }

  @Test
  void run_s3EndpointWithLocalLake_oneLineAndStatus2() {
    Run r = run("sparkify", "--lake", dir.resolve("lake").toString(), "--s3-endpoint", "http://127.0.0.1:9000");

    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("lake-examples sparkify: --s3-endpoint needs an s3:// lake");
  }

  @Test
  void run_wrongValueOrCommand_oneLineWithTheSuggestion() {
    Run badPort = run("ecommerce", "--serve", "--port", "abc");
    Run typo = run("ecommerse");

    assertThat(badPort.status).isEqualTo(2);
    assertThat(badPort.errLines()).singleElement().asString().startsWith("lake-examples ecommerce: Invalid value");
    assertThat(typo.status).isEqualTo(2);
    assertThat(typo.errLines()).singleElement().asString().startsWith("lake-examples: Unmatched argument")
        .contains("Did you mean ecommerce?");
  }

  @Test
  void serve_portInUse_namesThePortOptionBeforeLoading() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run r = run("ecommerce", "--serve", "--port", String.valueOf(busy.getLocalPort()));

      assertThat(r.status).isEqualTo(2);
      assertThat(r.errLines()).containsExactly("lake-examples ecommerce: Port " + busy.getLocalPort()
          + " on 127.0.0.1 is in use (another --serve, or another server): pass --port <n>, e.g. --port "
          + (busy.getLocalPort() + 1) + ", or stop what holds it");
      assertThat(r.out).isEmpty();
    }
  }

  @Test
  void run_failureNotAUsageMistake_oneLineStatus1AndTheTraceOnlyWithVerbose() {
    String[] args = {"xg", "--lake", dir.resolve("lake").toString(), "--warehouse", "jdbc:postgresql://127.0.0.1:1/x"};

    Run quiet = run(args);
    Run verbose = run(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
        "--verbose")).toArray(String[]::new));

    assertThat(quiet.status).isEqualTo(1);
    assertThat(quiet.errLines()).singleElement().asString().startsWith("lake-examples xg failed: ")
        .endsWith("(--verbose shows the stack trace)");
    assertThat(verbose.status).isEqualTo(1);
    assertThat(verbose.err).contains("\tat dev.lake.");
  }

  private static Run run(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      status = LakeExamples.run(args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    Run r = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    stdout.print(r.out);
    stdout.print(r.err);
    return r;
  }

  private record Run(int status, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
