package dev.lake.cli;

import dev.lake.exceptions.LakeException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code lake} command line: {@code java -jar lake-cli/target/lake.jar <command>} over a lake root on the local
 * file system or on S3.
 *
 * <pre>{@code
 * java -jar lake-cli/target/lake.jar ls ./lake
 * java -jar lake-cli/target/lake.jar show songplays --lake ./lake
 * int status = LakeCli.execute(out, err, "query", "--lake", "./lake", "SELECT count(*) FROM songs");
 * }</pre>
 */
@Command(name = "lake", mixinStandardHelpOptions = true, version = "lake 0.1.0-SNAPSHOT",
    description = "Inspect, query and chart a Lake data lake (a directory or s3://bucket/prefix).",
    subcommands = {LsCommand.class, ShowCommand.class, RunsCommand.class, RejectedCommand.class,
        QueryCommand.class, ChartCommand.class, CompactCommand.class, ExpireCommand.class, IcebergCommand.class, IamCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Examples:",
        "  lake ls ./lake",
        "  lake show songplays --lake ./lake",
        "  lake runs --last 5 -v",
        "  lake rejected songplays",
        "  lake query \"SELECT level, count(*) AS plays FROM songplays GROUP BY ALL\"",
        "  lake chart \"SELECT team, points, xpts FROM team_season\" --type bar --x team --y points,xpts --out xg.png",
        "  lake compact songs --dry-run",
        "  lake iam com.example.Jobs#daily --classpath app.jar --region eu-west-1 --account 123456789012",
        "", "The lake root defaults to $LAKE_ROOT, else ./lake. Exit status: 0 ok, 1 failure, 2 a usage mistake."})
public final class LakeCli implements Runnable {
  @Spec
  CommandSpec spec;

  LakeCli() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int status = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** Runs a command, printing to {@code out} and {@code err}, and returns its exit status. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new LakeCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof CliException || ex instanceof dev.lake.exceptions.ValidationException) {
        err.println(cmd.getColorScheme().errorText("lake " + cmd.getCommandName() + ": " + ex.getMessage()));
        return 2;
      }
      err.println(cmd.getColorScheme().errorText("lake " + cmd.getCommandName() + " failed: " + message(ex)));
      if (System.getenv("LAKE_DEBUG") != null) {
        ex.printStackTrace(err);
      } else {
        err.println("(set LAKE_DEBUG=1 for the stack trace)");
      }
      return 1;
    });
    int status = cl.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  private static String message(Throwable ex) {
    StringBuilder sb = new StringBuilder(String.valueOf(ex.getMessage()));
    if (!(ex instanceof LakeException)) {
      sb.insert(0, ex.getClass().getSimpleName() + ": ");
    }
    Throwable cause = ex.getCause();
    if (cause != null && cause.getMessage() != null && !sb.toString().contains(cause.getMessage())) {
      sb.append(" (").append(cause.getMessage()).append(')');
    }
    return sb.toString();
  }
}
