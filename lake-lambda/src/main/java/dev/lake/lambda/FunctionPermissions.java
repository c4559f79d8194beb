package dev.lake.lambda;

import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.Permission;
import java.util.List;

/**
 * What a Lambda function's role needs besides its pipelines: writing its own log streams. Lambda sends a function's
 * output to the log group {@code /aws/lambda/<function name>}, creating a log stream per execution environment
 * ({@code logs:CreateLogStream}) and writing to it ({@code logs:PutLogEvents}); both on that one log group's streams,
 * where {@code AWSLambdaBasicExecutionRole} grants them on every log group. The log group itself is created once with
 * the function (e.g. {@code aws logs create-log-group}), so {@code logs:CreateLogGroup} is left out.
 *
 * <pre>{@code
 * // given: IamScope scope
 * IamPolicy policy = pipeline.requiredPermissions(scope).and(FunctionPermissions.logs("lake-xg", scope));
 * // logs:CreateLogStream, logs:PutLogEvents on arn:aws:logs:<region>:<account>:log-group:/aws/lambda/lake-xg:*
 * }</pre>
 */
public final class FunctionPermissions {
  private FunctionPermissions() {}

  /** Creating and writing the log streams of function {@code functionName}'s log group, in {@code scope}. */
  public static IamPolicy logs(String functionName, IamScope scope) {
    ValidationException.check(functionName != null && functionName.matches("[A-Za-z0-9_-]{1,64}"),
        "Invalid Lambda function name '%s': 1 to 64 letters, digits, '-' or '_'", functionName);
    return IamPolicy.of(Permission.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
        scope.arn("logs", "log-group:/aws/lambda/" + functionName + ":*")));
  }
}
