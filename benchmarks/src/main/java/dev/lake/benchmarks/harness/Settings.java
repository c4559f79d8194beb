package dev.lake.benchmarks.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The suite's command line: {@code --quick} (one run, a smaller input where a benchmark has one),
 * {@code --runs N} and {@code --warmups N} (override every benchmark's defaults), {@code --only a,b} (benchmark
 * names), {@code --data DIR} (the repository's {@code data/}), {@code --target DIR} (where inputs, work files and
 * {@code results/} go), {@code --lambda-jar FILE --lambda-main CLASS} (another cold start handler) and
 * {@code --lambda-profile DIR} (one more, untimed cold start with JFR and a class-load log written to DIR) and
 * {@code --lambda-flags "FLAGS"} (one more cold start variant: the Lambda-like flags plus these).
 *
 * <pre>{@code
 * Settings s = Settings.parse(new String[] {"--quick", "--only", "dynamodb"});
 * int runs = s.runs(5, 1);   // 5 normally, 1 with --quick, N with --runs N
 * }</pre>
 */
public record Settings(boolean quick, Integer runsOverride, Integer warmupsOverride, Set<String> only, Path data,
    Path target, Path lambdaJar, String lambdaMain, Path lambdaProfile,
    List<String> lambdaFlags) {

  public static final String USAGE = "options: --quick | --runs N | --warmups N | --only NAME[,NAME…] | --data DIR"
      + " | --target DIR | --lambda-jar FILE [--lambda-main CLASS] | --lambda-profile DIR"
      + " | --lambda-flags \"FLAGS\" | --list";

  /** Parses the options; unknown ones fail with the usage. */
  public static Settings parse(String[] args) {
    boolean quick = false;
    Integer runs = null;
    Integer warmups = null;
    List<String> only = new ArrayList<>();
    Path data = null;
    Path target = Path.of("target");
    Path jar = null;
    String main = null;
    Path profile = null;
    List<String> flags = List.of();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> quick = true;
        case "--runs" -> runs = positive(a, value(args, ++i, a));
        case "--warmups" -> warmups = Integer.parseInt(value(args, ++i, a));
        case "--only" -> only.addAll(List.of(value(args, ++i, a).split(",")));
        case "--data" -> data = Path.of(value(args, ++i, a));
        case "--target" -> target = Path.of(value(args, ++i, a));
        case "--lambda-jar" -> jar = Path.of(value(args, ++i, a));
        case "--lambda-main" -> main = value(args, ++i, a);
        case "--lambda-flags" -> flags = List.of(value(args, ++i, a).trim().split("\\s+"));
        case "--lambda-profile" -> profile = Path.of(value(args, ++i, a)).toAbsolutePath();
        default -> throw new IllegalArgumentException("Unknown option '" + a + "' at position " + (i + 1) + "; "
            + USAGE);
      }
    }
    return new Settings(quick, runs, warmups, Set.copyOf(only), data == null ? findData() : data.toAbsolutePath(),
        target.toAbsolutePath(), jar, main, profile, flags);
  }

  /** Measured runs: {@code full} normally, {@code quick} with --quick, N with --runs N. */
  public int runs(int full, int quickRuns) {
    return runsOverride != null ? runsOverride : quick ? quickRuns : full;
  }

  /** Warm-ups: {@code full} normally, {@code quick} with --quick, N with --warmups N. */
  public int warmups(int full, int quickWarmups) {
    return warmupsOverride != null ? warmupsOverride : quick ? quickWarmups : full;
  }

  /** True when benchmark {@code name} is to run. */
  public boolean selected(String name) {
    return only.isEmpty() || only.contains(name);
  }

  /** Scratch space for one run's files. */
  public Path work() {
    return target.resolve("work");
  }

  private static Path findData() {
    for (Path p : List.of(Path.of("data"), Path.of("../data"))) {
      if (Files.isDirectory(p.resolve("online_retail"))) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalArgumentException("No data/online_retail here or in ..; pass --data <repository>/data");
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value; " + USAGE);
    }
    return args[i];
  }

  private static int positive(String option, String v) {
    int n = Integer.parseInt(v);
    if (n < 1) {
      throw new IllegalArgumentException(option + " must be at least 1 but was " + v);
    }
    return n;
  }
}
