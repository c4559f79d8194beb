/**
 * The {@code s3://} object store: every lake feature on an S3 root, with streaming multipart writes, retries and
 * conditional commits. Found by {@link java.util.ServiceLoader}; configure it with
 * {@link dev.lake.sink.s3.S3ObjectStore#builder()}.
 *
 * <pre>{@code
 * Lake lake = Lake.at("s3://my-bucket/lake");
 * }</pre>
 */
package dev.lake.sink.s3;
