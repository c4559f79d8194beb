package dev.lake.cli;

import dev.lake.Pipeline;
import dev.lake.iam.DeclaresPermissions;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lake iam <pipeline>}: the least-privilege IAM policy (JSON) a pipeline needs, from
 * {@link Pipeline#requiredPermissions(IamScope)}; several pipelines (a method returning a list) get one policy, and
 * other parts in that list that {@link DeclaresPermissions} (a warehouse load) add theirs.
 * Parts that declare no permissions make it exit 1 with a warning, unless {@code --allow-undeclared}.
 *
 * <pre>{@code
 * lake iam dev.lake.examples.ecommerce.OnlineRetail#pipeline --arg s3://data/ --arg s3://lake/ \
 *     --region eu-west-1 --account 123456789012 --classpath lake-examples.jar --output policy.json
 * }</pre>
 */
@Command(name = "iam", mixinStandardHelpOptions = true,
    description = "Prints the least-privilege IAM policy (JSON) a pipeline needs for its sources and sinks.",
    footer = {"", "Examples:",
        "  lake iam com.example.Jobs#daily --classpath app.jar --region eu-west-1 --account 123456789012",
        "  lake iam dev.lake.examples.ecommerce.OnlineRetail#pipeline --arg s3://my-data/ --arg s3://my-lake/lake",
        "  lake iam com.example.DailyJob --output policy.json        (a Supplier<Pipeline<?>>)",
        "  lake iam dev.lake.examples.ecommerce.WarehouseImport#of --arg s3://my-data/ --arg s3://my-lake/lake \\",
        "      --arg 'redshift:cluster=c1;database=dev;dbUser=loader;iamRole=<COPY role ARN>;region=eu-west-1'",
        "      (the import and its warehouse load: a list may add parts that implement DeclaresPermissions)",
        "", "A method's parameters (String, URI, Path, Lake, numbers) come from --arg values, in order. ARNs use "
        + "--region/--account, else AWS_REGION/AWS_ACCOUNT_ID, else the placeholders REGION and ACCOUNT_ID.",
        "Exit status: 0 ok, 1 a part declares no permissions (see --allow-undeclared), 2 a usage mistake."})
final class IamCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "<pipeline>",
      description = "com.example.Jobs#method (static) or com.example.Job (a Supplier<Pipeline<?>>).")
  String ref;

  @Option(names = {"-a", "--arg"}, paramLabel = "<value>", description = "An argument of the method, in order.")
  List<String> args = new ArrayList<>();

  @Option(names = "--classpath", paramLabel = "<jars>", description = "Jars or directories holding the pipeline.")
  String classpath;

  @Option(names = "--region", description = "The region in ARNs (default: AWS_REGION).")
  String region;

  @Option(names = "--account", description = "The 12-digit account id in ARNs (default: AWS_ACCOUNT_ID).")
  String account;

  @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Write the policy here, not to stdout.")
  Path output;

  @Option(names = "--allow-undeclared", description = "Print the policy even when some part declares nothing.")
  boolean allowUndeclared;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    IamScope env = IamScope.fromEnvironment();
    IamScope scope = IamScope.of(region != null ? region : placeholderless(env.region(), IamScope.REGION_PLACEHOLDER),
        account != null ? account : placeholderless(env.account(), IamScope.ACCOUNT_PLACEHOLDER));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    ClassLoader loader = PipelineRef.loader(classpath, IamCommand.class.getClassLoader());
    IamPolicy policy = IamPolicy.empty();
    try {
      thread.setContextClassLoader(loader); // object store providers are found through it
      for (Object part : PipelineRef.resolve(ref, args, loader)) {
        policy = policy.and(part instanceof Pipeline<?> p ? p.requiredPermissions(scope)
            : ((DeclaresPermissions) part).permissions(scope));
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
    if (!policy.isComplete()) {
      err.println("lake iam: warning: these parts declare no permissions, so the policy lacks what they need: "
          + String.join(", ", policy.undeclared()) + ". Implement permissions(IamScope) on them (see Source and "
          + "Sink), or pass --allow-undeclared to print the policy anyway.");
      if (!allowUndeclared) {
        return 1;
      }
    }
    if (scope.hasPlaceholders()) {
      err.println("lake iam: note: ARNs that need them hold the placeholders " + IamScope.REGION_PLACEHOLDER + " / "
          + IamScope.ACCOUNT_PLACEHOLDER + ": pass --region and --account (or set AWS_REGION, AWS_ACCOUNT_ID).");
    }
    String json = policy.toJson();
    if (output != null) {
      Files.writeString(output, json, StandardCharsets.UTF_8);
      err.println("Wrote " + policy.statements().size() + " statements to " + output);
    } else {
      spec.commandLine().getOut().print(json);
    }
    return 0;
  }

  private static String placeholderless(String value, String placeholder) {
    return value.equals(placeholder) ? null : value;
  }
}
