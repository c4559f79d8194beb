package dev.lake.iam;

import java.util.Locale;
import java.util.Objects;

/**
 * The partition, region and account that Amazon Resource Names (ARNs) are built with. Connectors use their own
 * client's region when they have one and fall back to this scope's; an unknown part stays a visible placeholder
 * ({@value #REGION_PLACEHOLDER}, {@value #ACCOUNT_PLACEHOLDER}) rather than a wildcard, so a policy is never broader
 * than it looks.
 *
 * <pre>{@code
 * IamScope scope = IamScope.of("eu-west-1", "123456789012");
 * scope.arn("kinesis", "stream/sales");   // arn:aws:kinesis:eu-west-1:123456789012:stream/sales
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new part of a scope is not a breaking change. Made
 * by {@link #of}, {@link #unknown()} and {@link #fromEnvironment()}; the partition follows from the region.
 */
public final class IamScope {
  /** Stands for the region in ARNs when it is not known. */
  public static final String REGION_PLACEHOLDER = "REGION";
  /** Stands for the account id in ARNs when it is not known. */
  public static final String ACCOUNT_PLACEHOLDER = "ACCOUNT_ID";

  private final String partition;
  private final String region;
  private final String account;

  private IamScope(String partition, String region, String account) {
    this.partition = Objects.requireNonNull(partition, "partition");
    this.region = region == null || region.isBlank() ? REGION_PLACEHOLDER : region.trim().toLowerCase(Locale.ROOT);
    this.account = account == null || account.isBlank() ? ACCOUNT_PLACEHOLDER : account.trim();
    if (!this.account.equals(ACCOUNT_PLACEHOLDER) && !this.account.matches("\\d{12}")) {
      throw new dev.lake.exceptions.ValidationException("Invalid AWS account id '" + this.account
          + "': an account id is 12 digits, e.g. 123456789012 (aws sts get-caller-identity shows yours)");
    }
  }

  /**
   * A scope in the region's partition ({@code aws-cn} for {@code cn-*}, {@code aws-us-gov} for {@code us-gov-*}, else
   * {@code aws}); null or blank parts become placeholders.
   */
  public static IamScope of(String region, String account) {
    return new IamScope(partitionOf(region), region, account);
  }

  /** Region and account both unknown: placeholders in every ARN that needs them. */
  public static IamScope unknown() {
    return of(null, null);
  }

  /**
   * The region from {@code aws.region} or {@code AWS_REGION} (as the AWS SDK finds it), the account from
   * {@code AWS_ACCOUNT_ID} when set; placeholders otherwise.
   */
  public static IamScope fromEnvironment() {
    String region = System.getProperty("aws.region", System.getenv("AWS_REGION"));
    return of(region, System.getenv("AWS_ACCOUNT_ID"));
  }

  /** The same scope in another region (a connector whose client knows its region). */
  public IamScope withRegion(String otherRegion) {
    return otherRegion == null ? this : new IamScope(partitionOf(otherRegion), otherRegion, account);
  }

  /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
  public String arn(String service, String resource) {
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
  }

  /** Whether region or account is still a placeholder. */
  public boolean hasPlaceholders() {
    return region.equals(REGION_PLACEHOLDER) || account.equals(ACCOUNT_PLACEHOLDER);
  }

  /** {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
  public String partition() {
    return partition;
  }

  /** A region such as {@code eu-west-1}, or {@value #REGION_PLACEHOLDER}. */
  public String region() {
    return region;
  }

  /** A 12-digit account id, or {@value #ACCOUNT_PLACEHOLDER}. */
  public String account() {
    return account;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof IamScope s && partition.equals(s.partition) && region.equals(s.region)
        && account.equals(s.account);
  }

  @Override
  public int hashCode() {
    return Objects.hash(partition, region, account);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "IamScope[partition=" + partition + ", region=" + region + ", account=" + account + "]";
  }

  private static String partitionOf(String region) {
    if (region == null) {
      return "aws";
    }
    String r = region.trim().toLowerCase(Locale.ROOT);
    return r.startsWith("cn-") ? "aws-cn" : r.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }
}
