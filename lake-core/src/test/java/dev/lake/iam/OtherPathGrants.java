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

  /**
   * A dataset written: aborts, deletes, the probe, reading the previous manifest and a pending marker,
   * telling a publication already done, retiring replaced files.
   */
  public OtherPathGrants dataset(String dataset) {
    reasons.put("s3:AbortMultipartUpload " + root + dataset + "/*", "discards a failed writer's or a dead run's "
        + "staged files (incomplete multipart uploads)");
    reasons.put("s3:DeleteObject " + root + dataset + "/*",
        "moves replaced files out (copy, then delete), removes a compaction's outputs no version took");
    reasons.put("s3:GetObject " + root + dataset + "/*", "tells a staged file already published (a HEAD) when "
        + "rolling a crashed commit forward; reads the files it moves");
    reasons.put("s3:DeleteObject " + root + "_lake/manifests/" + dataset + "/_pending/*",
        "deletes the pending markers of published commits");
    reasons.put("s3:PutObject " + root + "_lake/probes/* *", "the conditional-create probe: once per store and "
        + "bucket, at the first conditional create");
    reasons.put("s3:DeleteObject " + root + "_lake/probes/*", "deletes the conditional-create probe again");
    reasons.put("s3:GetObject " + root + "_lake/manifests/" + dataset + "/*", "reads the previous version from "
        + "the second commit on, and pending markers a crash left");
    reasons.put("s3:GetObject " + root + "_lake/retired/" + dataset + "/*", "tells a move already done");
    reasons.put("s3:PutObject " + root + "_lake/retired/" + dataset + "/*", "keeps files an overwrite or a "
        + "compaction replaced, for older versions' readers");
    return this;
  }

  /** A dataset read: files a newer version replaced while the read went on are read where they were retired to. */
  public OtherPathGrants read(String dataset) {
    reasons.put("s3:GetObject " + root + "_lake/retired/" + dataset + "/*", "reads a file a newer version replaced "
        + "while the read went on (a commit of another writer in the meantime)");
    return this;
  }

  /** A dataset that is written only when something happens (bad rows for the rejected zone): every grant. */
  public OtherPathGrants whenUsed(String dataset, String why) {
    dataset(dataset);
    reasons.put("s3:PutObject " + root + dataset + "/*", why);
    reasons.put("s3:PutObject " + root + "_lake/manifests/" + dataset + "/* *", why);
    reasons.put("s3:PutObject " + root + "_lake/manifests/" + dataset + "/_pending/*", why);
    reasons.put("s3:ListBucket arn:aws:s3:::" + bucket() + " " + prefix() + "_lake/manifests/" + dataset + "/",
        why);
    reasons.put("s3:ListBucket arn:aws:s3:::" + bucket() + " " + prefix() + "_lake/manifests/" + dataset
        + "/_pending/", why);
    return this;
  }

  /** The pipeline's state: its newest entry read from the second run on, old entries deleted, the old file. */
  public OtherPathGrants cursors(String pipeline) {
    reasons.put("s3:GetObject " + root + "_lake/state/" + pipeline + ".json",
        "read when the cursor file of Lake before the state log exists");
    reasons.put("s3:GetObject " + root + "_lake/state/" + pipeline + "/*", "reads the newest commit of the "
        + "pipeline from the second run on");
    reasons.put("s3:DeleteObject " + root + "_lake/state/" + pipeline + "/*", "deletes state entries past "
        + "retention");
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
