package dev.lake.examples;

import dev.lake.examples.ecommerce.EcommerceCommand;
import dev.lake.examples.sparkify.SparkifyCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code lake-examples all}: every example, one after the other, into one lake.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar all --lake ./lake
 * }</pre>
 */
@Command(name = "all", mixinStandardHelpOptions = true, description = "Runs every example.")
public final class AllCommand implements Callable<Integer> {
  @Mixin
  CommonOptions options;

  @Override
  public Integer call() {
    String[] args = options.lake == null ? new String[0] : new String[] {"--lake", options.lake};
    if (options.data != null) {
      args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data",
          options.data)).toArray(String[]::new);
    }
    args = options.passOn(args);
    for (Object command : new Object[] {new EcommerceCommand(), new SparkifyCommand(), new dev.lake.examples.xg.XgCommand(),
        new dev.lake.examples.tweets.TweetsCommand(), new dev.lake.examples.football.FootballCommand()}) {
      int status = LakeExamples.commandLine(command).setCommandName("lake-examples all").execute(args);
      if (status != 0) {
        return status;
      }
    }
    return 0;
  }
}
