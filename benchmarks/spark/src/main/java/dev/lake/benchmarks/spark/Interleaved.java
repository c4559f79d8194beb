package dev.lake.benchmarks.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs two engines on one task in turns (warm-up of each, then A B A B ...), prints each run, the medians, rows per
 * second and the ratio A / B, and appends one CSV row per run (benchmark, engine, run, seconds, rows) to
 * {@code target/benchmarks/<benchmark>.csv}.
 *
 * <pre>{@code
 * new Interleaved("csv-to-parquet", 5).compare("lake", lakeJob, "spark", sparkJob);
 * }</pre>
 */
final class Interleaved {
  /** One run of an engine: times its own work (not what it does after, such as counting the output). */
  @FunctionalInterface
  interface Job {
    Timed run() throws Exception;
  }

  /** How long the work took and how many rows it wrote. */
  record Timed(double seconds, long rows) {
    /** Times {@code work}, which returns the rows written. */
    static Timed of(Work work) throws Exception {
      long start = System.nanoTime();
      long rows = work.run();
      return new Timed((System.nanoTime() - start) / 1e9, rows);
    }
  }

  /** Work that returns the rows it wrote. */
  @FunctionalInterface
  interface Work {
    long run() throws Exception;
  }

  private final String benchmark;
  private final int runs;
  private final boolean warmUp;
  private final Path csv;

  Interleaved(String benchmark, int runs, Path outDir) throws IOException {
    this(benchmark, runs, true, outDir);
  }

  /** With {@code warmUp} false the first runs count (for long runs in a JVM that other comparisons warmed up). */
  Interleaved(String benchmark, int runs, boolean warmUp, Path outDir) throws IOException {
    this.benchmark = benchmark;
    this.runs = runs;
    this.warmUp = warmUp;
    Files.createDirectories(outDir);
    this.csv = outDir.resolve(benchmark + ".csv");
    Files.writeString(csv, "benchmark,engine,run,seconds,rows\n");
  }

  /** Returns the median seconds per engine, in the order given. */
  Map<String, Double> compare(String nameA, Job a, String nameB, Job b) throws Exception {
    System.out.printf("%n== %s: %s vs %s, %s%d interleaved runs%n", benchmark, nameA, nameB,
        warmUp ? "warm-up then " : "no warm-up, ", runs);
    if (warmUp) {
      record(nameA, 0, a);
      record(nameB, 0, b);
    }
    List<Double> secondsA = new ArrayList<>();
    List<Double> secondsB = new ArrayList<>();
    long rowsA = 0;
    long rowsB = 0;
    for (int i = 1; i <= runs; i++) {
      double[] ra = record(nameA, i, a);
      double[] rb = record(nameB, i, b);
      secondsA.add(ra[0]);
      secondsB.add(rb[0]);
      rowsA = (long) ra[1];
      rowsB = (long) rb[1];
    }
    double ma = median(secondsA);
    double mb = median(secondsB);
    System.out.printf(Locale.ROOT, "%-14s median %7.2f s  %,12.0f rows/s  (%,d rows)%n", nameA, ma, rowsA / ma, rowsA);
    System.out.printf(Locale.ROOT, "%-14s median %7.2f s  %,12.0f rows/s  (%,d rows)%n", nameB, mb, rowsB / mb, rowsB);
    System.out.printf(Locale.ROOT, "ratio %s / %s: %.2f (%s is %.1fx faster)%n", nameA, nameB, ma / mb,
        ma <= mb ? nameA : nameB, ma <= mb ? mb / ma : ma / mb);
    System.out.println("raw figures: " + csv);
    Map<String, Double> medians = new LinkedHashMap<>();
    medians.put(nameA, ma);
    medians.put(nameB, mb);
    return medians;
  }

  private double[] record(String engine, int run, Job job) throws Exception {
    Timed t = job.run();
    double seconds = t.seconds();
    long rows = t.rows();
    System.out.printf(Locale.ROOT, "  %s %-14s %7.2f s  %,d rows%n", run == 0 ? "warm-up" : "run " + run, engine,
        seconds, rows);
    Files.writeString(csv, String.format(Locale.ROOT, "%s,%s,%d,%.3f,%d%n", benchmark, engine, run, seconds, rows),
        java.nio.file.StandardOpenOption.APPEND);
    return new double[] {seconds, rows};
  }

  static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
