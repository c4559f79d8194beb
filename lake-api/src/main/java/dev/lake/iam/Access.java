package dev.lake.iam;

/**
 * What a pipeline does under an object store prefix; {@link dev.lake.io.ObjectStore#permissions} turns each into the
 * store's actions (for S3: {@code READ} is {@code s3:GetObject}, {@code LIST} is {@code s3:ListBucket} limited by an
 * {@code s3:prefix} condition, and so on).
 *
 * <pre>{@code
 * IamPolicy p = store.permissions(URI.create("s3://b/lake/processed/sales/"), EnumSet.of(Access.WRITE, Access.LIST),
 *     IamScope.unknown());
 * }</pre>
 */
public enum Access {
  /** Read objects (and their metadata). */
  READ,
  /** List the keys under the prefix (the prefix itself, not deeper prefixes). */
  LIST,
  /** Write objects, in one request or as multipart uploads (aborting them on failure). */
  WRITE,
  /**
   * Create objects that do not exist yet, never replacing one: how manifests are committed
   * ({@link dev.lake.io.ObjectStore#createIfAbsent}). On S3 {@code s3:PutObject} under the condition
   * {@code s3:if-none-match} = {@code *}, so a role holding it cannot rewrite committed history.
   */
  CREATE,
  /** Delete objects. */
  DELETE,
  /** Find and abort incomplete writes a killed process left under the prefix. */
  CLEAN_UP
}
