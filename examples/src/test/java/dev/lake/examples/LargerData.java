package dev.lake.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a data folder of the bundled data's shape but larger: every file kept, plus a transformed copy of it as
 * later, different data (new invoice numbers and dates, new days of events, another season). The facts are then
 * computed from the folder built, never from the bundled data.
 *
 * <pre>{@code
 * LargerData.onlineRetail(Path.of("../data"), tmp);   // tmp/online_retail/by-day: 610 files, 1,083,818 lines
 * }</pre>
 */
public final class LargerData {
  private static final Pattern INVOICE = Pattern.compile("^([A-Z]?)(\\d+),");
  private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4})-(\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})");
  private static final Pattern TS = Pattern.compile("\"ts\":(\\d+)");
  private static final long THIRTY_DAYS_MS = 30L * 24 * 3600 * 1000;

  private LargerData() {}

  /**
   * Online Retail twice: each daily file, and a copy three years later with invoice numbers raised by 1,000,000
   * (cancellations keep their C), written as {@code <year+3>-MM-dd.csv.gz}.
   */
  public static void onlineRetail(Path data, Path target) throws IOException {
    Path from = data.resolve("online_retail/by-day");
    Path to = Files.createDirectories(target.resolve("online_retail/by-day"));
    for (Path file : list(from, ".csv.gz")) {
      String name = file.getFileName().toString();
      Files.copy(file, to.resolve(name));
      List<String> lines = gunzip(file);
      List<String> shifted = new ArrayList<>(List.of(lines.get(0)));
      for (String line : lines.subList(1, lines.size())) {
        Matcher inv = INVOICE.matcher(line);
        if (!inv.find()) {
          throw new IllegalStateException("No invoice number at the start of " + line);
        }
        String rest = inv.group(1) + (Long.parseLong(inv.group(2)) + 1_000_000) + "," + line.substring(inv.end());
        shifted.add(plusYears(rest, 3));
      }
      gzip(shifted, to.resolve((Integer.parseInt(name.substring(0, 4)) + 3) + name.substring(4)));
    }
  }

  /** Sparkify: the song files as they are; every log file, and a copy of it 30 days later (December 2018). */
  public static void sparkify(Path data, Path target) throws IOException {
    copyTree(data.resolve("sparkify/song_data"), target.resolve("sparkify/song_data"));
    Path logs = data.resolve("sparkify/log_data");
    copyTree(logs, target.resolve("sparkify/log_data"));
    for (Path file : walk(logs, ".json")) {
      String name = file.getFileName().toString().replace("2018-11-", "2018-12-");
      Path to = target.resolve("sparkify/log_data/2018/12").resolve(name);
      Files.createDirectories(to.getParent());
      List<String> out = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        Matcher m = TS.matcher(line);
        out.add(m.find() ? line.substring(0, m.start(1)) + (Long.parseLong(m.group(1)) + THIRTY_DAYS_MS)
            + line.substring(m.end(1)) : line);
      }
      Files.write(to, out);
    }
  }

  /** Understat: each club's file with its matches, then the same matches a year later (a second season). */
  public static void understat(Path data, Path target) throws IOException {
    Path from = data.resolve("epl_2020_21_xg/understat");
    Path to = Files.createDirectories(target.resolve("epl_2020_21_xg/understat"));
    for (Path file : list(from, ".csv")) {
      List<String> lines = Files.readAllLines(file);
      List<String> out = new ArrayList<>(lines);
      for (String line : lines.subList(1, lines.size())) {
        out.add(plusYears(line, 1));
      }
      Files.write(to.resolve(file.getFileName()), out);
    }
  }

  private static String plusYears(String line, int years) {
    Matcher ts = TIMESTAMP.matcher(line);
    if (!ts.find()) {
      throw new IllegalStateException("No timestamp in " + line);
    }
    return line.substring(0, ts.start()) + (Integer.parseInt(ts.group(1)) + years) + "-" + ts.group(2)
        + line.substring(ts.end());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    for (Path f : walk(from, "")) {
      Path target = to.resolve(from.relativize(f).toString());
      Files.createDirectories(target.getParent());
      Files.copy(f, target);
    }
  }

  private static List<Path> list(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static List<Path> walk(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static List<String> gunzip(Path gz) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static void gzip(List<String> lines, Path to) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }
}
