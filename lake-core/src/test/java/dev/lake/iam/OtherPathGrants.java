package dev.lake.iam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grants of a lake policy that one successful run may leave unused, each with the path that needs it: what
 * {@link PolicyAssert#assertExact} accepts as unused. Anything else unused fails the test.
 *
 * <pre>{@code
 * Map<String, String> other = new OtherPathGrants("arn:aws:s3:::shop-lake/lake/").dataset("processed/sales")
 *     .cursors("sales").because("logs:PutLogEvents arn:aws:logs:…", "Lambda writes the function's output").build();
 * }</pre>
 */
public final class OtherPathGrants {
  private final String root;
  private final Map<String, String> reasons = new LinkedHashMap<>();

  /** {@code root}: the lake root's object ARN prefix, ending in '/' (e.g. {@code arn:aws:s3:::bucket/lake/}). */
  public OtherPathGrants(String root) {
    if (!root.startsWith("arn:aws:s3:::") || !root.endsWith("/")) {
      throw new IllegalArgumentException("Expected arn:aws:s3:::bucket/prefix/, got " + root);
    }
    this.root = root;
  }

  /** A dataset written: aborts, clean-up deletes, the probe's delete and reading the previous manifest. */
  public OtherPathGrants dataset(String dataset) {
    reasons.put("s3:AbortMultipartUpload " + root + dataset + "/*", "aborts a failed writer's multipart upload");
    reasons.put("s3:DeleteObject " + root + dataset + "/*",
        "deletes files a commit replaced, or a killed run left behind");
    reasons.put("s3:DeleteObject " + root + "_lake/manifests/" + dataset + "/*",
        "deletes the conditional-create probe: once per store and bucket, in the first manifest directory");
    reasons.put("s3:GetObject " + root + "_lake/manifests/" + dataset + "/*", "reads the previous version from "
        + "the second commit on");
    return this;
  }

  /** A dataset that is written only when something happens (bad rows for the rejected zone): every grant. */
  public OtherPathGrants whenUsed(String dataset, String why) {
    dataset(dataset);
    reasons.put("s3:PutObject " + root + dataset + "/*", why);
    reasons.put("s3:PutObject " + root + "_lake/manifests/" + dataset + "/*", why);
    reasons.put("s3:ListBucket arn:aws:s3:::" + bucket() + " " + prefix() + dataset + "/", why);
    reasons.put("s3:ListBucket arn:aws:s3:::" + bucket() + " " + prefix() + "_lake/manifests/" + dataset + "/",
        why);
    return this;
  }

  /** The pipeline's cursor file, read only once it exists. */
  public OtherPathGrants cursors(String pipeline) {
    reasons.put("s3:GetObject " + root + "_lake/state/" + pipeline + ".json",
        "read when the cursor file exists (written by a pipeline of that name with a cursor source)");
    return this;
  }

  /** Any other grant ("action resource", or "action resource prefix" for a ListBucket prefix) and its reason. */
  public OtherPathGrants because(String grant, String why) {
    reasons.put(grant, why);
    return this;
  }

  public Map<String, String> build() {
    return Map.copyOf(reasons);
  }

  private String bucket() {
    String rest = root.substring("arn:aws:s3:::".length());
    return rest.substring(0, rest.indexOf('/'));
  }

  private String prefix() {
    String rest = root.substring("arn:aws:s3:::".length());
    return rest.substring(rest.indexOf('/') + 1);
  }
}
