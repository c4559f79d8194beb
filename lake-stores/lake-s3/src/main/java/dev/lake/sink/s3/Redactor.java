package dev.lake.sink.s3;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes anything that looks like a credential from text Lake writes into logs and exception messages: AWS access
 * key ids, signatures and security tokens in query strings or headers, and the secrets of credentials given
 * explicitly to the builder. The SDK never puts secret keys into its own messages; this guards Lake's.
 */
final class Redactor {
  private static final Pattern KEY_ID = Pattern.compile("\\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\\b");
  private static final Pattern PARAMS = Pattern.compile(
      "(?i)(X-Amz-Credential|X-Amz-Signature|X-Amz-Security-Token|Signature|Credential|aws_secret_access_key"
          + "|aws_session_token|secretAccessKey|sessionToken)([=:]\\s*)[^&\\s,\"')]+");

  private final List<String> secrets;

  Redactor(List<String> secrets) {
    this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
  }

  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "****");
    }
    out = KEY_ID.matcher(out).replaceAll("$1****");
    return PARAMS.matcher(out).replaceAll("$1$2****");
  }
}
