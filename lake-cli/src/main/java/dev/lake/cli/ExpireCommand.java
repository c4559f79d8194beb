package dev.lake.cli;

import dev.lake.Expiry;
import dev.lake.ExpiryResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lake expire <dataset>}: expires a dataset's old versions and deletes the replaced files only they list (see
 * {@link Expiry}); {@code --dry-run} prints what would go.
 *
 * <pre>{@code
 * lake expire online_retail --lake ./lake --older-than 7d --retain-last 20 --dry-run
 * }</pre>
 */
@Command(name = "expire", mixinStandardHelpOptions = true,
    description = "Expires a dataset's old versions and deletes the files only they list.",
    footer = {"", "Examples:", "  lake expire online_retail", "  lake expire online_retail --dry-run",
        "  lake expire songs --older-than 7d --retain-last 20",
        "", "A version is kept while it is among the newest --retain-last or younger than --older-than. Files an "
        + "overwrite or a compaction replaced wait under _lake/retired/ while a kept version lists them (readers of "
        + "an older version, a long query or a COPY still find them) and are deleted once none does. The newest "
        + "version's files are never touched."})
final class ExpireCommand implements Callable<Integer> {
  private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([smhd])", Pattern.CASE_INSENSITIVE);

  @Spec
  CommandSpec spec;

  @Mixin
  RootOption root;

  @Parameters(paramLabel = "<dataset>", description = "The dataset: a processed dataset's name or a zone path.")
  String dataset;

  @Option(names = "--older-than", paramLabel = "<age>", defaultValue = "24h",
      description = "Keep every version younger than this: 90m, 24h, 7d (default: ${DEFAULT-VALUE}).")
  String olderThan;

  @Option(names = "--retain-last", paramLabel = "<n>", defaultValue = "10",
      description = "Keep the newest n versions however old (default: ${DEFAULT-VALUE}).")
  int retainLast;

  @Option(names = "--dry-run", description = "Print what would be expired and deleted; delete nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    OpenedLake lake = root.open();
    OpenedLake.Dataset d = lake.find(dataset);
    if (retainLast < 1) {
      throw new CliException("--retain-last " + retainLast + ": keep at least 1 version (the newest)");
    }
    Expiry expiry = lake.lake().expiry(d.path()).olderThan(parseAge(olderThan)).retainLast(retainLast);
    ExpiryResult r = (dryRun ? expiry.dryRun() : expiry).run();
    out.println(r.summary());
    if (dryRun) {
      out.println("Nothing was deleted (--dry-run). Run without --dry-run to expire.");
    }
    return 0;
  }

  /** {@code 90m}, {@code 24h}, {@code 7d}, {@code 30s}. */
  static Duration parseAge(String text) {
    Matcher m = AGE.matcher(text.trim());
    if (!m.matches()) {
      throw new CliException("--older-than " + text + ": expected an age such as 90m, 24h or 7d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
