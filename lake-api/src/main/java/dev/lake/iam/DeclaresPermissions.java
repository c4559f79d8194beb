package dev.lake.iam;

/**
 * Something besides a pipeline that calls AWS and can say which IAM permissions it needs, e.g. a warehouse load.
 * {@code lake iam} combines these with the pipelines' {@code Pipeline.requiredPermissions(IamScope)}, so
 * one policy covers a whole job.
 *
 * <pre>{@code
 * // given: WarehouseLoad warehouseLoad
 * IamScope scope = IamScope.of("eu-west-1", "123456789012");
 * IamPolicy job = pipeline.requiredPermissions(scope).and(warehouseLoad.permissions(scope));
 * }</pre>
 */
public interface DeclaresPermissions {
  /** The least-privilege grants this part needs, with ARNs in {@code scope}'s region and account. */
  IamPolicy permissions(IamScope scope);
}
