package dev.lake.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.StagedObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** The staged handle's token: what CompleteMultipartUpload needs, and only that. */
class StagedUploadsTest {
  static final S3Location TARGET = new S3Location("b", "lake/ds/part-0.parquet");

  @Test
  void handle_withPartChecksums_tokenRoundTripsThePartsInOrder() {
    List<CompletedPart> parts = List.of(
        CompletedPart.builder().partNumber(1).eTag("\"a1\"").checksumCRC32C("AAAAAA==").build(),
        CompletedPart.builder().partNumber(2).eTag("\"b2\"").checksumCRC32C("BBBBBB==").build());

    StagedObject staged = StagedUploads.handle(TARGET, 42, "id-1", parts, ChecksumAlgorithm.CRC32_C);

    assertThat(staged.target()).isEqualTo(URI.create("s3://b/lake/ds/part-0.parquet"));
    assertThat(staged.bytes()).isEqualTo(42);
    assertThat(staged.token()).containsOnly(entry("uploadId", "id-1"), entry("etags", "\"a1\",\"b2\""),
        entry("checksumAlgorithm", "CRC32C"), entry("checksums", "AAAAAA==,BBBBBB=="));
    assertThat(StagedUploads.parts(staged)).isEqualTo(parts);
  }

  @Test
  void handle_storeReturnedNoChecksums_tokenHasETagsOnly() {
    List<CompletedPart> parts = List.of(CompletedPart.builder().partNumber(1).eTag("\"a1\"").build());

    StagedObject staged = StagedUploads.handle(TARGET, 3, "id-2", parts, ChecksumAlgorithm.SHA256);

    assertThat(staged.token()).containsOnlyKeys("uploadId", "etags");
    assertThat(StagedUploads.parts(staged)).isEqualTo(parts);
  }

  @Test
  void uploadId_handleOfAnotherStore_failsNamingTheKeys() {
    StagedObject local = StagedObject.builder().target(URI.create("s3://b/k")).bytes(1)
        .token(Map.of("staged", ".k.staged")).build();

    assertThatThrownBy(() -> StagedUploads.uploadId(local)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("s3://b/k is not a staged S3 multipart upload").hasMessageContaining("[staged]");
  }
}
